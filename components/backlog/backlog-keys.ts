// TanStack Query keys for the backlog: invalidate `all` after any curation or rebuild.
export const backlogKeys = {
  all: ["backlog"] as const,
  scopes: () => [...backlogKeys.all, "scopes"] as const,
  view: (scope: string) => [...backlogKeys.all, "view", scope] as const,
  item: (id: string) => [...backlogKeys.all, "item", id] as const,
};
