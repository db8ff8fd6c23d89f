// How long a sign-in key (an account or a client address) waits after failed attempts. Pure; the
// counters live in the shared login_throttle table (lib/auth/queries.ts) so every instance agrees.
//
// A few mistakes cost nothing. After that each failure doubles the wait, up to a cap. Counters are
// forgotten after an hour without failures, and a successful sign-in clears the account's.
// The account cap is short on purpose: anyone can fail against someone else's account, so a long
// account block would let a stranger lock the owner out. One minute still holds a guesser to about
// 1,440 tries a day across every address, against passwords of at least 10 characters. A single
// address that keeps failing, whoever it targets, is slowed much harder.
export type ThrottlePolicy = { freeFailures: number; capSeconds: number };

export const accountPolicy: ThrottlePolicy = { freeFailures: 5, capSeconds: 60 };
export const addressPolicy: ThrottlePolicy = { freeFailures: 20, capSeconds: 15 * 60 };
export const FORGET_AFTER_MS = 60 * 60_000;

/** Seconds to wait after the `failures`-th consecutive failure (0 while within the free ones). */
export function blockSecondsAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = failures - policy.freeFailures;
  // 2^exponent, without overflowing for a counter that has run for days.
  return exponent >= 30 ? policy.capSeconds : Math.min(policy.capSeconds, 2 ** exponent);
}

export const accountThrottleKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressThrottleKey = (address: string) => `address:${address}`;
