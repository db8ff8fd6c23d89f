// Operations of access: signing in, your own password, people and reset links.
import * as accountPassword from "@/app/api/account/password/route";
import * as passwordReset from "@/app/api/password-reset/route";
import * as signIn from "@/app/api/sign-in/route";
import * as userResetLink from "@/app/api/users/[id]/reset-link/route";
import * as user from "@/app/api/users/[id]/route";
import * as users from "@/app/api/users/route";
import { oneUserWire, passwordResetDoneWire, resetLinkWire, updatedUserWire, userListWire } from "@/lib/auth/wire";
import { done, ok, type Paths } from "../operation";

export const accessPaths = (): Paths => ({
  "/api/sign-in": {
    post: [
      signIn.POST,
      {
        operationId: "signIn",
        summary: "Sign in with email and password (the sign-in page's plain HTML form)",
        description:
          "Sets the session cookie and answers 303 to callbackUrl, which must be a path on this site (anything else goes to /dashboard). A refusal answers 303 to /sign-in?error=CredentialsSignin | TooManyAttempts | AccountDeactivated. Throttled per account and per client address.",
        tag: "Access",
        form: "SignInForm",
        responses: { "303": { description: "Signed in (Set-Cookie) or refused; see Location" } },
        adds: [403],
      },
    ],
  },
  "/api/account/password": {
    post: [
      accountPassword.POST,
      {
        operationId: "changeOwnPassword",
        summary: "Change your own password",
        description:
          "Needs the current password. Ends every other session of the account; the response sets a renewed cookie for this one.",
        tag: "Access",
        body: "ChangePassword",
        responses: { "200": done("Changed (Set-Cookie renews this session)") },
        adds: [409, 429],
      },
    ],
  },
  "/api/password-reset": {
    post: [
      passwordReset.POST,
      {
        operationId: "resetPassword",
        summary: "Set a new password through a one-time reset link",
        description:
          "The token from /reset-password/{token}. Works once, within 24 hours; ends every session of the account.",
        tag: "Access",
        body: "ResetPassword",
        responses: { "200": ok("Changed; the account's email, for signing in", passwordResetDoneWire) },
        adds: [410],
      },
    ],
  },
  "/api/users": {
    get: [
      users.GET,
      {
        operationId: "listUsers",
        summary: "People with their role and whether they are active (owner only)",
        tag: "Access",
        responses: { "200": ok("People", userListWire) },
      },
    ],
    post: [
      users.POST,
      {
        operationId: "createUser",
        summary: "Add a person (owner only)",
        tag: "Access",
        body: "CreateUser",
        responses: { "201": ok("The person", oneUserWire) },
        adds: [409],
      },
    ],
  },
  "/api/users/{id}": {
    patch: [
      user.PATCH,
      {
        operationId: "updateUser",
        summary: "Change a person's role, or deactivate (active: false) or reactivate them (owner only)",
        description:
          "Deactivation ends the person's sessions at once. The last active owner can be neither demoted nor deactivated (409).",
        tag: "Access",
        body: "UpdateUser",
        responses: { "200": ok("The person (left out when the body changed nothing)", updatedUserWire) },
        adds: [409],
      },
    ],
    delete: [
      user.DELETE,
      {
        operationId: "deleteUser",
        summary: "Remove a person (owner only; never yourself or the last active owner)",
        tag: "Access",
        responses: { "200": ok("The person removed", oneUserWire) },
        adds: [409],
      },
    ],
  },
  "/api/users/{id}/reset-link": {
    post: [
      userResetLink.POST,
      {
        operationId: "issuePasswordResetLink",
        summary: "Issue a one-time password reset link for a person (owner only)",
        description:
          "Returns the link's path once; only a hash is stored. Valid 24 hours, single use; a newer link cancels the older one.",
        tag: "Access",
        responses: { "201": ok("The link, shown this once", resetLinkWire) },
        adds: [409],
      },
    ],
  },
});
