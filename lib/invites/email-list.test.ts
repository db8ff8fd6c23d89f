import { describe, expect, it } from "vitest";
import { describeInvalidLine, describeListCount, parseEmailList } from "./email-list";

describe("parseEmailList", () => {
  it("reads one address a line, skipping blank lines, and keeps the first spelling of each", () => {
    const parsed = parseEmailList("ana@example.com\n\n  Bo@Example.com \r\nbo@example.COM\nANA@example.com\n");
    expect(parsed).toEqual({ emails: ["ana@example.com", "Bo@Example.com"], duplicates: 2, invalid: [] });
  });

  it("reads CSV and TSV rows with a header, quoted cells and Name <address> forms", () => {
    const csv = 'Name,Email,Team\n"Lee, Ana",ana@example.com,Core\nBo\tbo@example.com\nCy <cy@example.com>\n';
    expect(parseEmailList(csv).emails).toEqual(["ana@example.com", "bo@example.com", "cy@example.com"]);
    expect(parseEmailList("\uFEFFemail\nana@example.com").emails).toEqual(["ana@example.com"]);
  });

  it("names each refused line by its number, and a header is only skipped on the first line", () => {
    const parsed = parseEmailList("ana@example.com\nnot an address\nbo@@example\n\nx@y.z, w@v.io\nemail\n");
    expect(parsed.emails).toEqual(["ana@example.com"]);
    expect(parsed.invalid.map((l) => [l.line, l.reason])).toEqual([
      [2, "no email address"],
      [3, "not a valid email address"],
      [5, "more than one email address"],
      [6, "no email address"],
    ]);
    expect(describeInvalidLine(parsed.invalid[1])).toBe("Line 3: “bo@@example” — not a valid email address");
  });

  it("counts an empty list as nobody", () => {
    expect(parseEmailList("  \n\n")).toEqual({ emails: [], duplicates: 0, invalid: [] });
  });
});

describe("describeListCount", () => {
  it("says how many people and how many duplicates were merged", () => {
    expect(describeListCount({ people: 42, duplicates: 3 })).toBe("42 people, 3 duplicates merged");
    expect(describeListCount({ people: 1, duplicates: 1 })).toBe("1 person, 1 duplicate merged");
    expect(describeListCount({ people: 0, duplicates: 0 })).toBe("0 people");
  });
});
