// The edits the audit log records, with the wording Settings → Audit log shows. Shared by the server
// (which writes the action codes) and the panel (which labels them); free of the ORM.

export const auditActions = {
  "backlog.analyse": "Analysed answers into themes",
  "backlog.move": "Moved answers between themes",
  "backlog.split": "Split answers into a new theme",
  "backlog.merge": "Merged themes",
  "backlog.unmerge": "Undid a merge",
  "backlog.status": "Changed a theme's status",
  "team.create": "Added a team",
  "team.platform": "Changed a team's platform adoption",
  "team.archive": "Archived a team",
  "team.restore": "Restored a team",
  "team.delete": "Deleted a team",
  "settings.anonymity_threshold": "Changed the anonymity threshold",
  "user.role": "Changed a person's role",
} as const;

export type AuditAction = keyof typeof auditActions;

export function auditActionLabel(action: string): string {
  return (auditActions as Record<string, string>)[action] ?? action;
}
