// The one reader of request bodies, for the App Router's Web Request and the Pages Router's Node
// IncomingMessage alike. It reads the stream itself, so a missing or lying Content-Length cannot
// bypass the cap, and it stops at the first chunk past the cap: the rest is never read or kept. The
// caller answers 413 and closes the connection (route.ts, node-route.ts) instead of draining it.
import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";
import { bodyTooLarge } from "./http";

type TooLarge = () => Error;

/** The body as UTF-8 text, refused with `tooLarge()` as soon as it passes `maxBytes`. */
export async function readCappedText(
  source: Request | IncomingMessage,
  maxBytes: number,
  tooLarge: TooLarge = () => bodyTooLarge(maxBytes),
): Promise<string> {
  if (declaredLength(source) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const keep = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > maxBytes) return false;
    chunks.push(chunk);
    return true;
  };
  const complete = isWebRequest(source) ? await readWebStream(source, keep) : await readNodeStream(source, keep);
  if (!complete) throw tooLarge();
  return Buffer.concat(chunks).toString("utf8");
}

/** An HTML form post (application/x-www-form-urlencoded) read under the same cap. */
export async function readUrlEncodedForm(
  request: Request,
  maxBytes: number,
  tooLarge: TooLarge = () => bodyTooLarge(maxBytes),
): Promise<URLSearchParams> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded")
    throw new AppError("bad_request", "Send the form as application/x-www-form-urlencoded");
  return new URLSearchParams(await readCappedText(request, maxBytes, tooLarge));
}

// Not `instanceof Request`: a Request from another copy of undici (a test client, a proxy) is one too.
const isWebRequest = (source: Request | IncomingMessage): source is Request => "bodyUsed" in source;

function declaredLength(source: Request | IncomingMessage): number {
  const value = isWebRequest(source) ? source.headers.get("content-length") : source.headers["content-length"];
  return Number(value ?? "0");
}

/** Feeds chunks to `keep` until the end (true) or until `keep` refuses one (false, stream cancelled). */
async function readWebStream(request: Request, keep: (chunk: Uint8Array) => boolean): Promise<boolean> {
  const reader = request.body?.getReader();
  if (!reader) return true;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw unreadable();
    }
    if (next.done) return true;
    if (!keep(next.value)) {
      await reader.cancel().catch(() => {});
      return false;
    }
  }
}

async function readNodeStream(req: IncomingMessage, keep: (chunk: Uint8Array) => boolean): Promise<boolean> {
  // destroyOnReturn: false — leaving the loop early must not destroy the socket the 413 goes out on;
  // the request just stays paused, so nothing more is read from the client.
  const chunks = req.iterator({ destroyOnReturn: false }) as AsyncIterableIterator<Buffer>;
  try {
    for await (const chunk of chunks) if (!keep(chunk)) return false;
  } catch {
    throw unreadable();
  }
  return true;
}

const unreadable = () => new AppError("bad_request", "The request body could not be read");
