import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isProduction } from "@/lib/env";

// The respondent pages' one stylesheet: the same files globals.css imports for the signed-in app
// (and so for the editor's preview), inlined into each page so the first paint needs no second
// request. Read once per process in production (per page in development, so edits show), without
// comments and layout whitespace. The paths are spelled out so the build traces exactly these files.
const read = {
  base: () => readFileSync(join(process.cwd(), "app", "base.css"), "utf8"),
  respondent: () => readFileSync(join(process.cwd(), "app", "respondent.css"), "utf8"),
};

let stylesheet: string | undefined;

export function respondentStylesheet(): string {
  if (stylesheet === undefined || !isProduction) stylesheet = compactCss(`${read.base()}\n${read.respondent()}`);
  return stylesheet;
}

/** Our own CSS without comments and layout whitespace (no strings in it hold braces, semicolons or commas). */
export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}
