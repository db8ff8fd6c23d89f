// Real receivers for the distribution tests: an SMTP server (smtp-server) and an HTTP server standing
// in for Slack's incoming webhooks, both on 127.0.0.1 and a free port, recording what they get.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; text: string };
export type ReceivedPost = { path: string; text: string };

/** Quoted-printable soft breaks and escapes undone, enough to read links and sentences in a mail. */
export function decodeMail(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** `port`: a fixed port (the e2e server is configured with it); a free one when omitted. */
export async function startSmtpReceiver(port = 0) {
  const mails: ReceivedMail[] = [];
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 450 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    /** While true, every recipient is refused with a temporary error (450). */
    setRefusing: (value: boolean) => void (refuse = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startSlackReceiver() {
  const posts: ReceivedPost[] = [];
  const replies: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = replies.shift() ?? 200;
      if (status === 200) posts.push({ path: req.url ?? "", text: JSON.parse(Buffer.concat(chunks).toString()).text });
      res.statusCode = status;
      res.end(status === 200 ? "ok" : "invalid_payload");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    posts,
    /** The next requests' statuses (then 200). */
    replies,
    url: (path: string) => `${base}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
