import { describe, expect, it } from "vitest";
import { POST as createUserRoute } from "@/app/api/users/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { POST as setupRoute } from "@/app/api/setup/route";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { verifyPassword } from "./password";
import { countUsers, getUserByEmail } from "./queries";

withTestDatabase();

describe("accounts and roles", () => {
  let ownerId = "";

  it("first run creates the owner with a hashed password, then refuses a second setup", async () => {
    const bad = await callRoute(setupRoute, {
      body: { name: "", email: "nope", password: "short", workspaceName: "Acme" },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["email", "name", "password"]);
    expect(await countUsers()).toBe(0);

    const ok = await callRoute(setupRoute, {
      body: { name: "Ada", email: "Ada@Example.com", password: "correct horse battery", workspaceName: "Acme" },
    });
    expect(ok.status).toBe(201);
    ownerId = ok.json.user.id;
    const stored = await getUserByEmail({ email: "ada@example.com" });
    expect(stored?.role).toBe("owner");
    expect(stored?.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", stored!.passwordHash!)).toBe(true);

    const again = await callRoute(setupRoute, {
      body: { name: "Eve", email: "eve@example.com", password: "correct horse battery", workspaceName: "X" },
    });
    expect(again.status).toBe(409);
    expect(await countUsers()).toBe(1);
  });

  it("only an owner adds users; unauthenticated gets 401 and a viewer 403", async () => {
    const input = { name: "Vic", email: "vic@example.com", password: "viewer-password-1", role: "viewer" };
    expect((await callRoute(createUserRoute, { body: input, userId: undefined })).status).toBe(401);
    const created = await callRoute(createUserRoute, { body: input, userId: ownerId });
    expect(created.status).toBe(201);
    const viewerId = created.json.user.id;
    const asViewer = await callRoute(createUserRoute, { body: { ...input, email: "x@example.com" }, userId: viewerId });
    expect(asViewer.status).toBe(403);
    const duplicate = await callRoute(createUserRoute, { body: input, userId: ownerId });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.fieldErrors.email).toBeDefined();
  });

  it("refuses a cross-site change even from a signed-in owner", async () => {
    const res = await callRoute(createUserRoute, {
      body: { name: "Mal", email: "mal@example.com", password: "malicious-pass", role: "owner" },
      userId: ownerId,
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(await getUserByEmail({ email: "mal@example.com" })).toBeNull();
  });

  it("keeps at least one owner", async () => {
    const res = await callRoute(patchUserRoute, {
      method: "PATCH",
      params: { id: ownerId },
      body: { role: "viewer" },
      userId: ownerId,
    });
    expect(res.status).toBe(409);
    expect((await getUserByEmail({ email: "ada@example.com" }))?.role).toBe("owner");
  });
});
