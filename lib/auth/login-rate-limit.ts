import { createRateLimiter } from "@/lib/api/rate-limit";

// Ten sign-in attempts per email per five minutes, per server instance.
const limiter = createRateLimiter({ limit: 10, windowMs: 5 * 60_000 });

export function takeLoginAttempt(email: string): boolean {
  return limiter.take(email.toLowerCase());
}
