// The edits the audit log records, with the wording Settings → Audit log shows. Shared by the server
// (which writes the action codes) and the panel (which labels them); free of the ORM.
import { backlogStatusLabels } from "@/lib/backlog/constants";
import { roleLabels } from "@/lib/auth/constants";

export const auditActions = {
  "backlog.analyse": "Analysed answers into themes",
  "backlog.move": "Moved answers between themes",
  "backlog.split": "Split answers into a new theme",
  "backlog.merge": "Merged themes",
  "backlog.unmerge": "Undid a merge",
  "backlog.status": "Changed a theme's status",
  "backlog.carry_undo": "Undid curation carried from another analysis",
  "backlog.dashboard": "Chose the backlog the dashboard shows",
  "team.create": "Added a team",
  "team.platform": "Changed a team's platform adoption",
  "team.archive": "Archived a team",
  "team.restore": "Restored a team",
  "team.delete": "Deleted a team",
  "team.invite_list": "Replaced a team's distribution list",
  "team.invite_only": "Changed whether a team answers by invitation only",
  "settings.anonymity_threshold": "Changed the anonymity threshold",
  "user.role": "Changed a person's role",
  "user.deactivate": "Deactivated a person",
  "user.reactivate": "Reactivated a person",
  "user.delete": "Removed a person",
  "user.reset_link": "Issued a password reset link",
  "token.create": "Created an API token",
  "token.revoke": "Revoked an API token",
  "webhook.create": "Added a webhook endpoint",
  "webhook.update": "Changed a webhook endpoint",
  "webhook.delete": "Removed a webhook endpoint",
  "share.create": "Created a share link",
  "share.revoke": "Revoked a share link",
  "survey.import": "Imported past survey results",
  "feedback.import": "Imported feedback notes",
  "distribution.slack": "Changed a Slack channel",
  "distribution.series": "Set up a survey series",
  "distribution.series.stop": "Stopped a survey series",
  "you_said.publish": "Published a theme on “You said, we did”",
  "you_said.unpublish": "Took a theme off “You said, we did”",
} as const;

export type AuditAction = keyof typeof auditActions;

export function auditActionLabel(action: string): string {
  return (auditActions as Record<string, string>)[action] ?? action;
}

const roleWords: Record<string, string> = roleLabels;
const statusWords: Record<string, string> = backlogStatusLabels;

/** A short, human summary of an entry's detail for the audit table ("5 → 3", "3 answers"). */
export function describeAuditDetail(action: string, detail: Record<string, unknown>): string {
  const released = Array.isArray(detail.released)
    ? detail.released.length
    : typeof detail.released === "number"
      ? detail.released
      : 0;
  const figures = released > 0 ? "; published figures updated" : "";
  switch (action) {
    case "backlog.move":
    case "backlog.split": {
      const n = Number(detail.answers ?? 0);
      return `${n} answer${n === 1 ? "" : "s"}${figures}`;
    }
    case "backlog.merge":
    case "backlog.unmerge":
      return figures.slice(2);
    case "backlog.analyse":
      return `${Number(detail.themes ?? 0)} themes, ${Number(detail.created ?? 0)} new${Number(detail.carried ?? 0) ? `, ${Number(detail.carried)} carried` : ""}${figures}`;
    case "backlog.status":
      return `${statusWords[String(detail.from)] ?? detail.from} → ${statusWords[String(detail.to)] ?? detail.to}`;
    case "team.platform":
    case "team.create":
      return `${detail.onPlatform ? "on" : "off"} the platform from ${String(detail.effectivePeriod ?? "")}`.trim();
    case "team.invite_list":
      return `${Number(detail.people ?? 0)} people`;
    case "team.invite_only":
      return detail.inviteOnly ? "invitation only" : "open links allowed";
    case "settings.anonymity_threshold":
      return `k ${detail.from} → ${detail.to}`;
    case "user.role":
      return `${roleWords[String(detail.from)] ?? detail.from} → ${roleWords[String(detail.to)] ?? detail.to}`;
    default:
      return "";
  }
}
