// The one way dates and numbers read in the product: the reader's locale (from the browser's
// Accept-Language, so the server and the browser render the same text), a true minus sign, and dates
// in UTC — responses carry days, not times, and a page rendered on the server must not change when it
// hydrates in another time zone.

export const DEFAULT_LOCALE = "en-GB";
const MINUS = "\u2212";

/** The first language in an Accept-Language header that Intl supports; the default otherwise. */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.tag !== "*" && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag is skipped, not an error: the header is the browser's, not ours to validate.
    }
  }
  return DEFAULT_LOCALE;
}

export type Formatter = ReturnType<typeof formatterFor>;

/** Formatting bound to one locale. */
export function formatterFor(locale: string = DEFAULT_LOCALE) {
  const cache = new Map<string, Intl.NumberFormat>();
  const numberFormat = (digits: number, extra: Intl.NumberFormatOptions = {}) => {
    const key = `${digits}|${JSON.stringify(extra)}`;
    let f = cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, ...extra });
      cache.set(key, f);
    }
    return f;
  };
  const minus = (text: string) => text.replace(/-/g, MINUS);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

  const number = (value: number, digits = 0) => minus(numberFormat(digits).format(value));
  return {
    locale,
    /** 1,234 · 3.14 · −2 */
    number,
    /** A 1–5 mean, always two decimals so a column of means lines up. */
    mean: (value: number) => number(value, 2),
    /** A share 0..1 as a percentage: 0.286 → "29%". */
    percent: (share: number, digits = 0) => minus(numberFormat(digits, { style: "percent" }).format(share)),
    /** A value already in percent (0..100): 28.6 → "29%". */
    percentOf100: (value: number, digits = 0) => minus(numberFormat(digits, { style: "percent" }).format(value / 100)),
    /** A change: "+3", "−2", "±0". */
    signed: (value: number, digits = 0) => {
      const text = numberFormat(digits).format(Math.abs(value));
      return (value > 0 ? "+" : value < 0 ? MINUS : "±") + text;
    },
    /** An NPS: "+23", "−14", "0". */
    nps: (value: number) => {
      const rounded = Math.round(value);
      return (rounded > 0 ? "+" : rounded < 0 ? MINUS : "") + numberFormat(0).format(Math.abs(rounded));
    },
    /** A 95% interval: "−3 to 28"; a dash when either end is missing. */
    interval: (low: number | null, high: number | null, digits = 0) =>
      low === null || high === null ? "—" : `${number(low, digits)} to ${number(high, digits)}`,
    /** A calendar day: "28 Nov 2026" (en-GB), "Nov 28, 2026" (en-US). */
    date: (value: Date | string | number) => dateFormat.format(toDate(value)),
    /** A moment, in UTC and saying so, for logs and run times. */
    dateTime: (value: Date | string | number) => `${dateTimeFormat.format(toDate(value))} UTC`,
  };
}
