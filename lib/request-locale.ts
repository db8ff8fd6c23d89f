import "server-only";
import { headers } from "next/headers";
import { type Formatter, formatterFor, pickLocale } from "@/lib/format";

/** The reader's locale for this request (server components and layouts). */
export async function requestLocale(): Promise<string> {
  return pickLocale((await headers()).get("accept-language"));
}

/** Dates and numbers for a server component, in the reader's locale. */
export async function requestFormatter(): Promise<Formatter> {
  return formatterFor(await requestLocale());
}
