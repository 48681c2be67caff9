// Deployment checks, host-neutral: what a deployed copy must look like and the self-check over it.
export * from "./site";
export * from "./doctor";
