// The invitations' SQL, split by what it serves; importers use "@/lib/invites/queries" (senders: "@/lib/invites").
//   lists.ts    each team's distribution list and its invite-only setting
//   invites.ts  a survey's invitations: who is still to answer, fresh tokens, how many were asked
//   redeem.ts   what an invitation link opens
export { getInviteList, saveInviteList, setInviteOnly, type InviteListView } from "./lists";
export {
  inviteCounts,
  inviteOnlyDenominators,
  issueInviteToken,
  pendingInvitees,
  type PendingInvitee,
} from "./invites";
export { getInviteTarget, type InviteTarget } from "./redeem";
