import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import {
  blockSignIn,
  changeOwnPassword,
  clearSignInFailures,
  getSignInBlock,
  getUserByEmail,
  pruneSignInThrottle,
  recordSignInFailure,
  upsertSsoUser,
} from "./queries";
import { signInSchema } from "./schemas";
import {
  accountPolicy,
  accountThrottleKey,
  addressPolicy,
  addressThrottleKey,
  blockSecondsAfter,
  FORGET_AFTER_MS,
} from "./throttle-policy";

export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

/** Why a sign-in was refused; the codes double as the `?error=` the sign-in page translates. */
export type SignInRefusal = "CredentialsSignin" | "TooManyAttempts" | "AccountDeactivated";
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; error: SignInRefusal; retryAt?: Date };

// Unknown emails (and SSO-only accounts) are compared against this hash, so every attempt costs one
// bcrypt comparison and the response time does not reveal whether an account exists.
let dummyHash: Promise<string> | undefined;
const timingDummyHash = () => (dummyHash ??= hashPassword("dx-pulse timing equaliser, never a real password"));

/**
 * Email-and-password sign-in, shared by next-auth's credentials provider and the plain form post
 * (app/api/sign-in): throttled per account and per client address through the shared
 * login_throttle table; a success clears the account's counter.
 */
export async function authorizeCredentials(
  credentials: unknown,
  { address, now = new Date() }: { address: string | null; now?: Date },
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  const { email, password } = parsed.data;
  const keys = [accountThrottleKey(email), ...(address ? [addressThrottleKey(address)] : [])];

  const blockedUntil = await getSignInBlock({ keys, now });
  if (blockedUntil) return { ok: false, error: "TooManyAttempts", retryAt: blockedUntil };

  const user = await getUserByEmail({ email });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await timingDummyHash()));
  if (!user?.passwordHash || !matches) {
    await recordFailure(keys, now);
    return { ok: false, error: "CredentialsSignin" };
  }
  // Only someone who knows the password learns that the account is deactivated.
  if (user.deactivatedAt) return { ok: false, error: "AccountDeactivated" };
  await clearSignInFailures({ key: accountThrottleKey(email) });
  await pruneSignInThrottle({ forgetBefore: new Date(now.getTime() - FORGET_AFTER_MS) });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

async function recordFailure(keys: string[], now: Date) {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const key of keys) {
    const failures = await recordSignInFailure({ key, now, forgetBefore });
    const seconds = blockSecondsAfter(failures, key.startsWith("account:") ? accountPolicy : addressPolicy);
    if (seconds > 0) await blockSignIn({ key, until: new Date(now.getTime() + seconds * 1000) });
  }
}

/**
 * A password change needs the current password, so a stolen session could guess at it there:
 * wrong current passwords count against the account's sign-in throttle like failed sign-ins.
 */
export async function changePasswordThrottled(
  input: { id: string; email: string; currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<{ sessionVersion: number }> {
  const key = accountThrottleKey(input.email);
  if (await getSignInBlock({ keys: [key], now })) {
    throw new AppError("rate_limited", "Too many wrong passwords. Wait a minute and try again.");
  }
  try {
    const { sessionVersion } = await changeOwnPassword(input);
    await clearSignInFailures({ key });
    return { sessionVersion };
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors?.currentPassword) await recordFailure([key], now);
    throw error;
  }
}

/** A person arriving through SSO: their account (created on first visit), unless deactivated. */
export async function admitSsoUser({ email, name }: { email: string; name: string }): Promise<SignedInUser | null> {
  const local = await upsertSsoUser({ email, name, role: env.OIDC_DEFAULT_ROLE });
  if (local.deactivatedAt) return null;
  const stored = await getUserByEmail({ email: local.email });
  return stored
    ? { id: stored.id, email: stored.email, name: stored.name, sessionVersion: stored.sessionVersion }
    : null;
}
