// Accounts' SQL, split by what it serves; importers use "@/lib/auth/queries".
//   users.ts             people, roles, deactivation, sessions, own password
//   reset-links.ts       one-time password reset links
//   sign-in-throttle.ts  failed sign-ins and blocks, shared by every instance
export * from "./users";
export * from "./reset-links";
export * from "./sign-in-throttle";
