import type { Quadrant } from "@/lib/backlog/prioritise";
import type { BacklogStatus } from "@/lib/backlog/constants";

export const percent = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
export const decimal = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));

export const quadrantBadge: Record<Quadrant, string> = {
  do_first: "badge badge-bad",
  automate_or_document: "badge badge-accent",
  schedule: "badge badge-warn",
  ignore: "badge",
};

export const quadrantColor: Record<Quadrant, string> = {
  do_first: "var(--bad)",
  automate_or_document: "var(--accent)",
  schedule: "var(--warn)",
  ignore: "var(--muted)",
};

export const statusBadge: Record<BacklogStatus, string> = {
  new: "badge",
  planned: "badge badge-accent",
  in_progress: "badge badge-warn",
  // Darker than .badge-good, whose light-mode contrast (4.48:1) is just under AA at badge size.
  done: "badge badge-good backlog-badge-done",
  wont_do: "badge",
};
