/** Task pane entry (placeholder until the pane is built). */
export {};
