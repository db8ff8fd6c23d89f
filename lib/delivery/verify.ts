// Is a webhook delivery from the integration it names? GitHub signs the body with the shared secret
// (X-Hub-Signature-256, HMAC-SHA256); GitLab sends the secret token itself (X-Gitlab-Token), compared
// here by hash in constant time. Both refuse a missing header.
import { createHash, timingSafeEqual } from "node:crypto";
import { verify } from "@octokit/webhooks-methods";

export async function verifyGithubSignature(secret: string, body: string, signature: string | null): Promise<boolean> {
  if (!signature || !signature.startsWith("sha256=")) return false;
  try {
    return await verify(secret, body, signature);
  } catch {
    return false;
  }
}

export function verifyGitlabToken(tokenHash: string, token: string | null): boolean {
  if (!token) return false;
  const given = createHash("sha256").update(token).digest();
  const stored = Buffer.from(tokenHash, "hex");
  return stored.length === given.length && timingSafeEqual(given, stored);
}
