// Share links: what one can show and how long it may live. Free of the ORM (the schema builds its enum from here).
export const SHARE_TARGETS = ["overview", "survey"] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];
export const shareTargetLabels: Record<ShareTarget, string> = {
  overview: "Dashboard overview",
  survey: "One survey's results",
};

export const SHARE_DEFAULT_DAYS = 30;
export const SHARE_MAX_DAYS = 180;

/** Where a share link opens; the token is the only credential, so it is shown once and kept hashed. */
export const sharePath = (token: string) => `/share/${token}`;
/** The read-only API a shared page's dashboards read from (the same queries as /api/analytics). */
export const shareApiBase = (token: string) => `/api/share/${token}`;
