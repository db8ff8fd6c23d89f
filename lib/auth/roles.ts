import type { Role } from "@/lib/auth/constants";

// owner ⊃ editor ⊃ viewer: a route that needs "editor" admits owners too.
const rank: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}
