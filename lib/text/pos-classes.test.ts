import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { classesOfTags, wordClasses } from "./pos-classes";

describe("word classes", () => {
  it("fold every word of natural's lexicon as its tags say (regenerate after upgrading natural)", () => {
    const path = createRequire(import.meta.url).resolve(
      "natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json",
    );
    const lexicon = JSON.parse(readFileSync(path, "utf8")) as Record<string, string[]>;
    const mismatches = Object.entries(lexicon).filter(([word, tags]) => wordClasses(word) !== classesOfTags(tags));
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(wordClasses("not-a-word-anyone-wrote")).toBeUndefined();
  });

  it("keep the lexicon's order, so the first class is the word's most common", () => {
    expect(classesOfTags(["VBZ", "NNS"])).toBe("VN");
    expect(classesOfTags(["NN", "VB", "VBP"])).toBe("NV");
    expect(classesOfTags(["JJ", "VBN", "RB"])).toBe("AO");
    expect(wordClasses("builds")?.[0]).toBe("V");
    expect(wordClasses("pipeline")?.[0]).toBe("N");
  });
});
