// How a withheld figure travels to the client. The decision itself is lib/anonymity/model.ts.
import type { HiddenReason } from "@/lib/anonymity/model";

export type { HiddenReason } from "@/lib/anonymity/model";
export type Hidden = { hidden: true; reason: HiddenReason };
export type Shown<T> = T & { hidden: false };
export type Suppressed<K, T> = K & (Shown<T> | Hidden);

/**
 * Why a figure is hidden, in a few words. A complement cell is k or more people: "fewer than k" describes
 * the group it protects (named when known), never the hidden group itself.
 */
export function hiddenMessage(reason: HiddenReason, k: number, protects: readonly string[] = []): string {
  switch (reason) {
    case "below_threshold":
      return `Hidden: fewer than ${k} responses`;
    case "complement":
      return protects.length
        ? `Hidden to protect ${listNames(protects)} (fewer than ${k}), who could otherwise be worked out by subtraction`
        : `Hidden to protect a smaller group (fewer than ${k}) that could otherwise be worked out by subtraction`;
    case "collecting":
      return "Published when the survey closes";
  }
}

/** "Identity", "Identity and Growth", "Identity, Growth and Search". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
