import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readCappedText, readUrlEncodedForm } from "./capped-body";

const KB = 1024;
const encoder = new TextEncoder();

/** An endless body (or one of `total` chunks) that counts how much of it was pulled. */
function countingStream(chunk: Uint8Array, total = Infinity) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulls >= total) return controller.close();
        seen.pulls++;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const webRequest = (body: ReadableStream<Uint8Array> | string | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** What a Node server hands a Pages Router route: a readable stream with headers. */
function nodeRequest(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, headers: Record<string, string> = {}) {
  return Object.assign(Readable.from(chunks, { objectMode: false }), { headers }) as unknown as IncomingMessage;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("readCappedText on a Web Request", () => {
  it("joins the chunks as UTF-8, also a character split between two chunks", async () => {
    const bytes = encoder.encode("Déploiement — lent");
    // "é" is two bytes: the first chunk ends in the middle of it.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 2));
        controller.enqueue(bytes.slice(2));
        controller.close();
      },
    });
    expect(await readCappedText(webRequest(body), 1 * KB)).toBe("Déploiement — lent");
  });

  it("accepts a body of exactly the cap and reads an empty body as empty text", async () => {
    expect(await readCappedText(webRequest("x".repeat(KB)), KB)).toHaveLength(KB);
    expect(await readCappedText(webRequest(null), KB)).toBe("");
  });

  it("stops at the first chunk past the cap of an endless body and cancels the rest", async () => {
    const { stream, seen } = countingStream(new Uint8Array(KB));
    const error = await refusal(readCappedText(webRequest(stream), 8 * KB));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("payload_too_large");
    expect(seen.pulls).toBe(9);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap without reading a byte", async () => {
    const { stream, seen } = countingStream(new Uint8Array(KB));
    const request = webRequest(stream, { "content-length": String(64 * KB) });
    const error = await refusal(readCappedText(request, 8 * KB, () => new AppError("payload_too_large", "Too long")));
    expect((error as AppError).message).toBe("Too long");
    expect(seen.pulls).toBe(0);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const request = webRequest(countingStream(new Uint8Array(KB)).stream, { "content-length": "10" });
    expect(((await refusal(readCappedText(request, 4 * KB))) as AppError).code).toBe("payload_too_large");
  });
});

describe("readCappedText on a Node request", () => {
  it("reads a body under the cap", async () => {
    const request = nodeRequest([encoder.encode('{"a":'), encoder.encode("1}")]);
    expect(await readCappedText(request, KB)).toBe('{"a":1}');
  });

  it("stops at the cap of an endless body, leaving the stream paused, not destroyed", async () => {
    let produced = 0;
    const endless = (function* () {
      for (;;) {
        produced++;
        yield new Uint8Array(KB);
      }
    })();
    const request = nodeRequest(endless);
    const error = await refusal(readCappedText(request, 8 * KB));
    expect((error as AppError).code).toBe("payload_too_large");
    // Read ahead by at most the stream's buffer (16 KB), never the whole (endless) body.
    expect(produced).toBeLessThan(8 + 17);
    // The socket stays usable for the 413 reply: the caller closes the connection after it.
    expect(request.destroyed).toBe(false);
    expect(request.readableFlowing).not.toBe(true);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    let produced = 0;
    const request = nodeRequest(
      (function* () {
        produced++;
        yield new Uint8Array(KB);
      })(),
      { "content-length": String(64 * KB) },
    );
    expect(((await refusal(readCappedText(request, 8 * KB))) as AppError).code).toBe("payload_too_large");
    expect(produced).toBe(0);
  });

  it("answers a body that breaks off with bad_request", async () => {
    const request = nodeRequest(
      (async function* () {
        yield new Uint8Array(10);
        throw new Error("aborted");
      })(),
    );
    const error = (await refusal(readCappedText(request, KB))) as AppError;
    expect(error.code).toBe("bad_request");
  });
});

describe("readUrlEncodedForm", () => {
  const form = (body: string, type: string) => webRequest(body, { "content-type": type });

  it("reads a form post, with or without a charset", async () => {
    expect((await readUrlEncodedForm(form("a=1&b=%C3%A9", "application/x-www-form-urlencoded"), KB)).get("b")).toBe(
      "é",
    );
    const withCharset = form("a=1", "application/x-www-form-urlencoded; charset=UTF-8");
    expect((await readUrlEncodedForm(withCharset, KB)).get("a")).toBe("1");
  });

  it("refuses another media type before reading the body", async () => {
    for (const type of ["application/json", "text/plain; x=application/x-www-form-urlencoded", ""]) {
      const request = form("a=1", type);
      expect(((await refusal(readUrlEncodedForm(request, KB))) as AppError).code).toBe("bad_request");
      expect(request.bodyUsed).toBe(false);
    }
  });

  it("keeps the cap", async () => {
    const request = form(`a=${"x".repeat(2 * KB)}`, "application/x-www-form-urlencoded");
    expect(((await refusal(readUrlEncodedForm(request, KB))) as AppError).code).toBe("payload_too_large");
  });
});
