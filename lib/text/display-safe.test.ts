import { describe, expect, it } from "vitest";
import { displaySafe, hasDisplayUnsafe, userText } from "./display-safe";

describe("displaySafe", () => {
  it("strips bidirectional controls", () => {
    expect(displaySafe("invoice_\u202Efdp.exe")).toBe("invoice_fdp.exe");
    for (const c of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
    ]) {
      expect(displaySafe(`a${c}b`)).toBe("ab");
    }
  });

  it("strips zero-width characters", () => {
    for (const c of ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"])
      expect(displaySafe(`Pay${c}ments`)).toBe("Payments");
  });

  it("keeps emoji sequences, other scripts and ordinary text", () => {
    expect(displaySafe("👩\u200D💻 works")).toBe("👩\u200D💻 works");
    expect(displaySafe("❤️\u200D🔥")).toBe("❤️\u200D🔥");
    expect(displaySafe("שלום עולם, مرحبا, 日本語, Ünïcödé")).toBe("שלום עולם, مرحبا, 日本語, Ünïcödé");
    expect(hasDisplayUnsafe("plain")).toBe(false);
    expect(hasDisplayUnsafe("pl\u200Bain")).toBe(true);
  });

  it("userText strips before trimming and length checks", () => {
    const name = userText().min(1, "Name it").max(5);
    expect(name.parse("\u200B Pay \u202E")).toBe("Pay");
    expect(name.safeParse("\u200B\u200B").success).toBe(false);
    expect(name.parse("ab\u200B\u200B\u200Bcde")).toBe("abcde");
  });
});
