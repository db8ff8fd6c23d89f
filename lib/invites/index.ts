// Invite-only links: per-team distribution lists and single-use links (README, "Invite-only links:
// design and limits"). Senders (email, Slack, reminders) use these three; the rest is in ./queries.
export {
  inviteCounts,
  inviteOnlyDenominators,
  issueInviteToken,
  pendingInvitees,
  type PendingInvitee,
} from "./queries/invites";
