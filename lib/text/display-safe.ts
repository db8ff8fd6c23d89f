// Text people typed, made safe to show and export. Bidirectional controls reorder what a reader sees
// ("invoice_\u202Efdp.exe" reads as "invoice_exe.pdf"; a right-to-left override in a team name or an
// answer can make one quote look like another), and zero-width characters make two strings that
// look the same differ (a team name no one can tell apart, a theme label that hides a word).
// They are stripped where text is stored (the shared zod schemas, through `userText`) and again
// where it leaves the server as a file (every CSV cell, lib/export/csv.ts), which also covers text
// stored before this rule. A zero-width joiner between two emoji stays: it is part of the emoji.
import { z } from "zod";

// LRE RLE PDF LRO RLO (U+202A–E), LRI RLI FSI PDI (U+2066–9), LRM RLM, ALM.
const BIDI_CONTROLS = "\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C";
// ZWSP, ZWNJ, WORD JOINER, BOM / ZWNBSP; ZWJ is handled below.
const ZERO_WIDTH = "\u200B\u200C\u2060\uFEFF";
const UNSAFE = new RegExp(
  `[${BIDI_CONTROLS}${ZERO_WIDTH}]|(?<!\\p{Extended_Pictographic}\\uFE0F?)\\u200D|\\u200D(?!\\p{Extended_Pictographic})`,
  "gu",
);

export function displaySafe(text: string): string {
  return text.replace(UNSAFE, "");
}

export function hasDisplayUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** A text field of a shared schema: stripped as above, then trimmed. Chain .min/.max as usual. */
export const userText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(displaySafe).trim();
