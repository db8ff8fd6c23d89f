// Roles and their labels, free of drizzle so client components import them too.
// lib/db/schema builds its PostgreSQL enum from this list.

export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor (platform PM)",
  viewer: "Viewer (leadership)",
};
