// Over 400 lines on purpose: one scenario per access rule (revocation, sessions, reset links), sharing one seeded workspace.
import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as changePasswordRoute } from "@/app/api/account/password/route";
import { POST as resetPasswordRoute } from "@/app/api/password-reset/route";
import { GET as listUsersRoute } from "@/app/api/users/route";
import { DELETE as deleteUserRoute, PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { POST as resetLinkRoute } from "@/app/api/users/[id]/reset-link/route";
import { listAuditEntries } from "@/lib/audit/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { authSecret } from "@/lib/env";
import { authOptions } from "./options";
import {
  createUser,
  endAllSessions,
  findUsableResetLink,
  getUserByEmail,
  issuePasswordResetLink,
  resetPasswordWithLink,
} from "./queries";
import { authorizeCredentials } from "./sign-in";

withTestDatabase();

const password = "first-password-1";
let ownerId = "";
let secondOwnerId = "";
let personId = "";

/** PATCH /api/users/:id as `userId`; pass `sessionVersion` to act from a fresh sign-in. */
const patchUser = (id: string, body: Record<string, unknown>, userId: string, sessionVersion?: number) =>
  callRoute(patchUserRoute, { method: "PATCH", params: { id }, body, userId, sessionVersion });

async function sessionVersionOf(email: string) {
  return (await getUserByEmail({ email }))!.sessionVersion;
}

async function signIn(email: string, pw = password) {
  const result = await authorizeCredentials({ email, password: pw }, { address: null });
  if (!result.ok) throw new Error(`sign-in refused: ${result.error}`);
  return result.user;
}

beforeAll(async () => {
  ownerId = (await createUser({ name: "Olga", email: "olga@example.com", password, role: "owner" })).id;
  secondOwnerId = (await createUser({ name: "Otto", email: "otto@example.com", password, role: "owner" })).id;
  personId = (await createUser({ name: "Pia", email: "pia@example.com", password, role: "editor" })).id;
});

describe("deactivation", () => {
  it("refuses the person's sign-in, ends their live session at once, and reactivation lets them back", async () => {
    const session = await signIn("pia@example.com");
    expect((await callRoute(listUsersRoute, { userId: ownerId })).status).toBe(200);
    const asPia = () => patchUser(personId, { role: "editor" }, personId, session.sessionVersion);
    expect((await asPia()).status).toBe(403); // signed in (an editor may not manage people): the session works

    const off = await patchUser(personId, { active: false }, ownerId);
    expect(off.status).toBe(200);
    expect(off.json.user.deactivatedAt).toBeTruthy();
    expect((await asPia()).status).toBe(401);
    // Even a session carrying the newest version does not work while deactivated.
    expect(
      (
        await callRoute(changePasswordRoute, {
          body: { currentPassword: password, newPassword: "another-password-2", confirmPassword: "another-password-2" },
          userId: personId,
        })
      ).status,
    ).toBe(401);
    expect(await authorizeCredentials({ email: "pia@example.com", password }, { address: null })).toMatchObject({
      ok: false,
      error: "AccountDeactivated",
    });
    // A wrong password still reads as a plain mismatch: the state is told only to who knows the password.
    expect(
      await authorizeCredentials({ email: "pia@example.com", password: "wrong-password" }, { address: null }),
    ).toMatchObject({ ok: false, error: "CredentialsSignin" });

    const on = await patchUser(personId, { active: true }, ownerId);
    expect(on.status).toBe(200);
    expect(on.json.user.deactivatedAt).toBeNull();
    expect((await asPia()).status).toBe(401); // the old session stays ended
    const again = await signIn("pia@example.com");
    expect(again.sessionVersion).toBeGreaterThan(session.sessionVersion);
    // Both changes are in the owners' audit log, with who made them.
    const { entries } = await listAuditEntries();
    expect(entries.filter((e) => e.subject === "pia@example.com").map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.deactivate", "user.reactivate"]),
    );
  });

  it("is for owners only, and an owner cannot deactivate themselves", async () => {
    const asEditor = await patchUser(ownerId, { active: false }, personId);
    expect(asEditor.status).toBe(403);
    const self = await patchUser(ownerId, { active: false }, ownerId);
    expect(self.status).toBe(409);
    expect((await getUserByEmail({ email: "olga@example.com" }))!.deactivatedAt).toBeNull();
  });
});

describe("the last active owner", () => {
  it("cannot be demoted, deactivated or removed, counting only active owners", async () => {
    // Otto is deactivated, so Olga is the last active owner even though two owners exist.
    expect((await patchUser(secondOwnerId, { active: false }, ownerId)).status).toBe(200);
    // Another owner (Pia, promoted for this) tries to remove Olga every way there is.
    expect((await patchUser(personId, { role: "owner" }, ownerId)).status).toBe(200);
    expect((await patchUser(personId, { active: false }, ownerId)).status).toBe(200);

    const demote = await patchUser(ownerId, { role: "viewer" }, ownerId);
    expect(demote.status).toBe(409);
    expect(demote.json.error.message).toMatch(/at least one active owner/);
    const remove = await callRoute(deleteUserRoute, { method: "DELETE", params: { id: ownerId }, userId: ownerId });
    expect(remove.status).toBe(409);
    const olga = await getUserByEmail({ email: "olga@example.com" });
    expect(olga).toMatchObject({ role: "owner", deactivatedAt: null });

    // With a second active owner, demoting becomes possible again; then restore.
    expect((await patchUser(secondOwnerId, { active: true }, ownerId)).status).toBe(200);
    const otto = await signIn("otto@example.com");
    const lastOwnerDemotesOther = await patchUser(ownerId, { role: "editor" }, secondOwnerId, otto.sessionVersion);
    expect(lastOwnerDemotesOther.status).toBe(200);
    const ottoAlone = await patchUser(secondOwnerId, { active: false }, secondOwnerId);
    expect(ottoAlone.status).toBe(409);
    expect((await patchUser(ownerId, { role: "owner" }, secondOwnerId)).status).toBe(200);
    expect((await patchUser(personId, { active: true, role: "editor" }, ownerId)).status).toBe(200);
  });

  it("lets an owner remove a deactivated person for good", async () => {
    const temp = await createUser({ name: "Tim", email: "tim@example.com", password, role: "viewer" });
    expect((await patchUser(temp.id, { active: false }, ownerId)).status).toBe(200);
    expect(
      (await callRoute(deleteUserRoute, { method: "DELETE", params: { id: temp.id }, userId: ownerId })).status,
    ).toBe(200);
    expect(await getUserByEmail({ email: "tim@example.com" })).toBeNull();
  });
});

describe("changing your own password", () => {
  it("needs the current password, validates the new one field by field, and changes nothing on refusal", async () => {
    const before = await sessionVersionOf("pia@example.com");
    const wrong = await callRoute(changePasswordRoute, {
      body: { currentPassword: "not-it", newPassword: "brand-new-pass-3", confirmPassword: "brand-new-pass-3" },
      userId: personId,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fieldErrors.currentPassword).toBeDefined();
    const invalid = await callRoute(changePasswordRoute, {
      body: { currentPassword: "", newPassword: "short", confirmPassword: "other" },
      userId: personId,
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.fieldErrors).sort()).toEqual([
      "confirmPassword",
      "currentPassword",
      "newPassword",
    ]);
    expect(await sessionVersionOf("pia@example.com")).toBe(before);
    expect((await authorizeCredentials({ email: "pia@example.com", password }, { address: null })).ok).toBe(true);
  });

  it("counts wrong current passwords against the account's sign-in throttle", async () => {
    await createUser({ name: "Gus", email: "gus@example.com", password, role: "viewer" });
    const gus = (await getUserByEmail({ email: "gus@example.com" }))!;
    const attempt = (currentPassword: string) =>
      callRoute(changePasswordRoute, {
        body: { currentPassword, newPassword: "stolen-session-9", confirmPassword: "stolen-session-9" },
        userId: gus.id,
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(422);
    const blocked = await attempt(password);
    expect(blocked.status).toBe(429);
    expect(await authorizeCredentials({ email: "gus@example.com", password }, { address: null })).toMatchObject({
      error: "TooManyAttempts",
    });
  });

  it("ends every other session, keeps the one that changed it, and only the new password signs in", async () => {
    const laptop = await signIn("pia@example.com");
    const phone = await signIn("pia@example.com");
    const res = await callRoute(changePasswordRoute, {
      body: { currentPassword: password, newPassword: "brand-new-pass-3", confirmPassword: "brand-new-pass-3" },
      userId: personId,
      sessionVersion: laptop.sessionVersion,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^next-auth\.session-token=[^;]+;.*HttpOnly/);
    const token = await decode({ token: cookie.split(";")[0].split("=").slice(1).join("="), secret: authSecret() });
    expect(token).toMatchObject({ sub: personId, sv: laptop.sessionVersion + 1 });
    expect(authOptions.cookies?.sessionToken?.name).toBe("next-auth.session-token");

    const asPhone = await callRoute(listUsersRoute, { userId: personId, sessionVersion: phone.sessionVersion });
    expect(asPhone.status).toBe(401);
    const asRenewedLaptop = await callRoute(resetLinkRoute, {
      params: { id: personId },
      userId: personId,
      sessionVersion: token!.sv as number,
    });
    expect(asRenewedLaptop.status).toBe(403); // signed in, but not an owner
    expect(await authorizeCredentials({ email: "pia@example.com", password }, { address: null })).toMatchObject({
      ok: false,
    });
    expect(
      (await authorizeCredentials({ email: "pia@example.com", password: "brand-new-pass-3" }, { address: null })).ok,
    ).toBe(true);
  });
});

describe("sign-out", () => {
  it("ends the session that signed out and any copy of its cookie; replaying it later changes nothing", async () => {
    const session = await signIn("otto@example.com");
    const ok = () => callRoute(listUsersRoute, { userId: secondOwnerId, sessionVersion: session.sessionVersion });
    expect((await ok()).status).toBe(200);
    await authOptions.events!.signOut!({
      token: { sub: secondOwnerId, sv: session.sessionVersion },
      session: undefined as never,
    });
    expect((await ok()).status).toBe(401);
    const afterSignOut = await sessionVersionOf("otto@example.com");
    const fresh = await signIn("otto@example.com");
    // A stale sign-out (an old cookie sent to /api/auth/signout) does not end the new session.
    await endAllSessions({ id: secondOwnerId, sessionVersion: session.sessionVersion });
    expect(await sessionVersionOf("otto@example.com")).toBe(afterSignOut);
    expect(
      (await callRoute(listUsersRoute, { userId: secondOwnerId, sessionVersion: fresh.sessionVersion })).status,
    ).toBe(200);
  });
});

describe("one-time reset links", () => {
  it("stores only a hash, works once, ends existing sessions and sets the new password", async () => {
    const session = await signIn("otto@example.com");
    const issued = await callRoute(resetLinkRoute, { params: { id: secondOwnerId }, userId: ownerId });
    expect(issued.status).toBe(201);
    const token = issued.json.path.replace("/reset-password/", "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.headers.get("cache-control")).toBe("no-store");

    const stored = await storedResetTokenHashes();
    expect(stored.some((row) => row.token_hash === token)).toBe(false);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);

    expect(await findUsableResetLink({ token })).toEqual({ email: "otto@example.com" });
    const mismatch = await callRoute(resetPasswordRoute, {
      body: { token, password: "reset-password-4", confirmPassword: "reset-password-5" },
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error.fieldErrors.confirmPassword).toBeDefined();
    const used = await callRoute(resetPasswordRoute, {
      body: { token, password: "reset-password-4", confirmPassword: "reset-password-4" },
    });
    expect(used.status).toBe(200);
    expect(
      (await callRoute(listUsersRoute, { userId: secondOwnerId, sessionVersion: session.sessionVersion })).status,
    ).toBe(401);
    expect(
      (await authorizeCredentials({ email: "otto@example.com", password: "reset-password-4" }, { address: null })).ok,
    ).toBe(true);

    const replay = await callRoute(resetPasswordRoute, {
      body: { token, password: "attacker-password-6", confirmPassword: "attacker-password-6" },
    });
    expect(replay.status).toBe(410);
    expect(await findUsableResetLink({ token })).toBeNull();
    expect(
      (await authorizeCredentials({ email: "otto@example.com", password: "attacker-password-6" }, { address: null }))
        .ok,
    ).toBe(false);
  });

  it("expires after 24 hours, a newer link replaces an older one, and only owners issue them", async () => {
    const issuedAt = new Date(Date.now() - 25 * 60 * 60_000);
    const old = await issuePasswordResetLink({ userId: personId, now: issuedAt });
    expect(await findUsableResetLink({ token: old.token })).toBeNull();
    await expect(resetPasswordWithLink({ token: old.token, password: "expired-link-pw-7" })).rejects.toMatchObject({
      code: "gone",
    });

    const first = await issuePasswordResetLink({ userId: personId });
    const second = await issuePasswordResetLink({ userId: personId });
    expect(await findUsableResetLink({ token: first.token })).toBeNull();
    expect(await findUsableResetLink({ token: second.token })).toEqual({ email: "pia@example.com" });

    expect((await callRoute(resetLinkRoute, { params: { id: personId }, userId: personId })).status).toBe(403);
    expect((await callRoute(resetLinkRoute, { params: { id: personId } })).status).toBe(401);
    // Deactivating the person voids their unused link.
    expect((await patchUser(personId, { active: false }, ownerId)).status).toBe(200);
    expect(await findUsableResetLink({ token: second.token })).toBeNull();
    expect((await callRoute(resetLinkRoute, { params: { id: personId }, userId: ownerId })).status).toBe(409);
    expect((await patchUser(personId, { active: true }, ownerId)).status).toBe(200);
  });

  it("refuses made-up and malformed tokens", async () => {
    const madeUp = await callRoute(resetPasswordRoute, {
      body: { token: "A".repeat(43), password: "whatever-pass-8", confirmPassword: "whatever-pass-8" },
    });
    expect(madeUp.status).toBe(410);
    const malformed = await callRoute(resetPasswordRoute, {
      body: { token: "../../etc", password: "whatever-pass-8", confirmPassword: "whatever-pass-8" },
    });
    expect(malformed.status).toBe(422);
  });
});

async function storedResetTokenHashes(): Promise<{ token_hash: string }[]> {
  const { getDb } = await import("@/lib/db/client");
  const { passwordResetTokens } = await import("@/lib/db/schema");
  const db = await getDb();
  const rows = await db.select({ token_hash: passwordResetTokens.tokenHash }).from(passwordResetTokens);
  return rows;
}
