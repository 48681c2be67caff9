/** Ribbon command entry (placeholder until the commands are built). */
export {};
