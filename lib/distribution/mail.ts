import "server-only";
// Sending email through SMTP (nodemailer, SMTP_URL). One message per call; the caller records the
// outcome. Failures become a short sentence of our own, never the server's reply.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type MailConfig = { url: string; from: string };

// Tests point mail at the SMTP server they start on a free port; everything else reads SMTP_URL.
let override: MailConfig | null | undefined;
let cached: { key: string; transport: Transporter } | undefined;

/** The SMTP settings in force, or null when email is not configured. */
export function mailConfig(): MailConfig | null {
  if (override !== undefined) return override;
  return env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM } : null;
}

/** Tests only: send through this server instead of SMTP_URL (null: as if unset; undefined: back to SMTP_URL). */
export function setMailConfigForTests(config: MailConfig | null | undefined) {
  override = config;
  cached = undefined;
}

function transport(config: MailConfig): Transporter {
  if (cached?.key === config.url) return cached.transport;
  const transport = nodemailer.createTransport(config.url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  cached = { key: config.url, transport };
  return transport;
}

export class MailError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "MailError";
  }
}

export async function sendMail(message: { to: string; subject: string; text: string; html: string }) {
  const config = mailConfig();
  if (!config) throw new MailError("Email is not configured: set SMTP_URL");
  try {
    await transport(config).sendMail({ from: config.from, ...message });
  } catch (error) {
    throw new MailError(describeMailError(error));
  }
}

/** A failed send in plain words, from nodemailer's error codes (never its message, which quotes the server). */
export function describeMailError(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  if (code === "ECONNECTION" || code === "ESOCKET" || code === "ECONNREFUSED")
    return "The SMTP server could not be reached";
  if (code === "ETIMEDOUT") return "The SMTP server did not answer in time";
  if (code === "EAUTH") return "The SMTP server refused the login in SMTP_URL";
  if (code === "EDNS") return "The SMTP server's name could not be resolved";
  if (code === "ETLS") return "The SMTP server's TLS connection failed";
  if (code === "EENVELOPE" || typeof responseCode === "number")
    return `The SMTP server refused the message${typeof responseCode === "number" ? ` (code ${responseCode})` : ""}`;
  return "Sending the email failed";
}
