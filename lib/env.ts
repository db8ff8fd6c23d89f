import { z } from "zod";

// The only reader of process.env. Values are checked once; a bad value stops start-up with a clear message.
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["true", "1", "yes"].includes(v)));

// A whole number written as digits only ("1e3", "0x10" and " 7" are mistakes); empty means unset.
const wholeNumber = (fallback: number) =>
  z
    .string()
    .regex(/^\d{0,9}$/, "must be a whole number")
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : Number(v)));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  DEMO_SEED: booleanFlag,
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("SSO"),
  OIDC_DEFAULT_ROLE: z.enum(["editor", "viewer"]).default("viewer"),
  SUBMISSION_RATE_LIMIT: wholeNumber(60).pipe(z.number().positive("must be at least 1")),
  /** Requests each API token may make per minute, counted in the database so every instance shares it. */
  API_TOKEN_RATE_LIMIT: wholeNumber(300).pipe(z.number().positive("must be at least 1")),
  /**
   * Whether webhook endpoints may be loopback addresses (127.0.0.0/8, ::1, localhost): off in
   * production, on elsewhere, so tests and local development can run a receiver on this machine.
   */
  WEBHOOK_ALLOW_LOOPBACK: booleanFlag,
  /**
   * Outgoing email (survey invitations, reminders, notices) through this SMTP server, e.g.
   * smtps://user:pass@smtp.example.com:465 or smtp://127.0.0.1:25. Unset: no email is sent, and the
   * distribution settings say so.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Test-only: lets an owner move scheduled work forward in time (POST /api/testing/time-travel), so an
   * end-to-end test can watch a reminder days before a close, and the close, happen. Never set it in
   * production: unset, the route answers 404.
   */
  TIME_TRAVEL: booleanFlag,
  /** The From of outgoing email. */
  MAIL_FROM: z.string().min(3).default("DX Pulse <dxpulse@localhost>"),
  /** Proxies of our own in front of the app that append to X-Forwarded-For (lib/api/client-address.ts). */
  TRUSTED_PROXY_HOPS: wholeNumber(0).pipe(z.number().max(10, "more than 10 proxies is surely a mistake")),
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  TEST_ENGINE: z.enum(["pglite", "postgres"]).default("pglite"),
  NEXT_PHASE: z.string().optional(),
  /** Next.js's output folder (next.config.ts), so several builds or dev servers can share a checkout. */
  NEXT_DIST_DIR: z
    .string()
    .optional()
    .transform((v) => v || ".next"),
  /** Set by Next.js in its server ("nodejs"); unset in scripts and tests, which run TypeScript directly. */
  NEXT_RUNTIME: z.enum(["nodejs", "edge"]).optional(),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables (see .env.example):\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

export const isProduction = env.NODE_ENV === "production";
export const isBuildPhase = env.NEXT_PHASE === "phase-production-build";
export const inNextServer = env.NEXT_RUNTIME === "nodejs";
/** Seed the demo workspace into an empty embedded database unless DEMO_SEED=false. */
export const demoSeedEnabled = env.DEMO_SEED ?? !env.DATABASE_URL;
/** lib/integrations/webhook-target.ts: loopback receivers allowed unless production says otherwise. */
export const webhookLoopbackAllowed = env.WEBHOOK_ALLOW_LOOPBACK ?? !isProduction;
/** Where links in email and Slack messages point: the app's public address. */
export const publicBaseUrl = (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
export const oidcEnabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

// In development a fixed secret keeps sessions across restarts; production must set its own.
const DEV_SECRET = "dx-pulse-development-secret-change-me";
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (isProduction && !demoSeedEnabled && !isBuildPhase) {
    throw new Error("AUTH_SECRET must be set in production (at least 16 characters).");
  }
  return DEV_SECRET;
}
