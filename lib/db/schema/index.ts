export * from "./workspace";
export * from "./surveys";
export * from "./responses";
export * from "./backlog";
export * from "./journeys";
export * from "./share";
