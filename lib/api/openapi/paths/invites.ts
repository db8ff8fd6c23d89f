// Operations of invite-only links: each team's distribution list (editors) and answering through one
// person's invitation (public; the token is the credential and works once).
import * as inviteList from "@/app/api/teams/[id]/invite-list/route";
import * as inviteOnly from "@/app/api/teams/[id]/invite-only/route";
import inviteLink from "@/pages/api/s/i/[token]";
import { inviteListResponseWire, savedInviteListWire } from "@/lib/invites/wire";
import { respondentSurveyWire, submissionStoredWire } from "@/lib/responses/wire";
import { ok, type Paths } from "../operation";
import { node } from "./handlers";

export const invitePaths = (): Paths => ({
  "/api/s/i/{token}": {
    get: [
      node(inviteLink, "GET"),
      {
        operationId: "getInvitedSurvey",
        summary: "The survey and active questions behind one person's invitation",
        description:
          "404 for an unknown token (or one replaced by a newer invitation), 410 once the invitation has been used.",
        tag: "Respond",
        responses: { "200": ok("Survey with questions", respondentSurveyWire) },
        adds: [404, 410],
      },
    ],
    post: [
      node(inviteLink, "POST"),
      {
        operationId: "submitInvitedResponse",
        summary: "Submit the one anonymous response an invitation takes",
        description:
          "As POST /api/s/{token}, and the same transaction marks the invitation used — a plain used flag, with no time and no reference to the response. A second use with another idempotency key is refused with 410 and stores nothing; concurrent uses store one response. Retrying with the same idempotencyKey answers 200 with duplicate: true. 410 also when the survey has closed.",
        tag: "Respond",
        body: "Submission",
        responses: {
          "201": ok("Stored, and the invitation marked used", submissionStoredWire),
          "200": ok("Already stored with this idempotency key", submissionStoredWire),
        },
        adds: [404, 409, 410, 429],
      },
    ],
  },
  "/api/teams/{id}/invite-list": {
    get: [
      inviteList.GET,
      {
        operationId: "getInviteList",
        summary: "A team's distribution list and whether it answers by invitation only",
        tag: "Workspace",
        responses: { "200": ok("The list", inviteListResponseWire) },
        adds: [404],
      },
    ],
    put: [
      inviteList.PUT,
      {
        operationId: "saveInviteList",
        summary: "Replace a team's distribution list (pasted text or a CSV file's content)",
        description:
          "One person a line: an address, Name <address>, or a CSV/TSV row with one address cell; a first line naming an email column is a header. Addresses are merged case-insensitively. All or nothing: if any line is not an email address, nothing is saved and the 422's fieldErrors.text names every such line by its number.",
        tag: "Workspace",
        responses: { "200": ok("The saved list and how many duplicates were merged", savedInviteListWire) },
        adds: [404],
      },
    ],
  },
  "/api/teams/{id}/invite-only": {
    put: [
      inviteOnly.PUT,
      {
        operationId: "setTeamInviteOnly",
        summary: "Make a team answer by invitation only, or allow its shared links again",
        description:
          "While a team is invite-only, its shared survey links answer 403 and store nothing; its people answer through their invitations.",
        tag: "Workspace",
        responses: { "200": ok("The list with its new setting", inviteListResponseWire) },
        adds: [404],
      },
    ],
  },
});
