"use client";
import { createContext, useContext, useMemo } from "react";
import { DEFAULT_LOCALE, type Formatter, formatterFor } from "@/lib/format";

// The reader's locale, chosen on the server from Accept-Language (lib/format.ts pickLocale), so the
// server's first paint and the browser's hydration format every date and number the same way.
const LocaleContext = createContext(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** Dates and numbers in the reader's locale: `const f = useFormat(); f.date(run.ranAt)`. */
export function useFormat(): Formatter {
  const locale = useContext(LocaleContext);
  return useMemo(() => formatterFor(locale), [locale]);
}
