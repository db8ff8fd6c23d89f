import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, formatterFor, pickLocale } from "./format";

describe("pickLocale", () => {
  it("takes the most preferred supported language from Accept-Language", () => {
    expect(pickLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(pickLocale("en;q=0.5, fr-CA;q=0.9")).toBe("fr-CA");
  });

  it("falls back to the default for a missing, wildcard or malformed header", () => {
    expect(pickLocale(null)).toBe(DEFAULT_LOCALE);
    expect(pickLocale("*")).toBe(DEFAULT_LOCALE);
    expect(pickLocale("!!!,;q=abc")).toBe(DEFAULT_LOCALE);
  });
});

describe("formatterFor", () => {
  const en = formatterFor("en-GB");
  const us = formatterFor("en-US");
  const de = formatterFor("de-DE");

  it("uses a true minus sign everywhere", () => {
    expect(en.number(-2)).toBe("−2");
    expect(en.nps(-14.2)).toBe("−14");
    expect(en.signed(-2.5, 1)).toBe("−2.5");
    expect(en.interval(-76, 47)).toBe("−76 to 47");
    expect(en.percent(-0.05)).toBe("−5%");
  });

  it("signs changes and NPS the way analysts read them", () => {
    expect(en.signed(3)).toBe("+3");
    expect(en.signed(0)).toBe("±0");
    expect(en.nps(23)).toBe("+23");
    expect(en.nps(0.4)).toBe("0");
  });

  it("follows the locale's separators", () => {
    expect(en.mean(3.14159)).toBe("3.14");
    expect(de.mean(3.14159)).toBe("3,14");
    expect(en.number(12345)).toBe("12,345");
    expect(de.number(12345)).toBe("12.345");
    expect(en.percent(0.286)).toBe("29%");
    expect(en.percentOf100(28.6, 1)).toBe("28.6%");
  });

  it("formats days in UTC so a date never shifts with the reader's time zone", () => {
    expect(en.date("2026-10-01")).toBe("1 Oct 2026");
    expect(us.date("2026-10-01")).toBe("Oct 1, 2026");
    expect(en.dateTime("2026-11-28T23:30:00Z")).toBe("28 Nov 2026, 23:30 UTC");
  });
});
