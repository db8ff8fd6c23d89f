// How a withheld figure travels to the client. The decision itself is lib/anonymity/model.ts.
import type { HiddenReason } from "@/lib/anonymity/model";

export type { HiddenReason } from "@/lib/anonymity/model";
export type Hidden = { hidden: true; reason: HiddenReason };
export type Shown<T> = T & { hidden: false };
export type Suppressed<K, T> = K & (Shown<T> | Hidden);

export function hiddenMessage(reason: HiddenReason, k: number): string {
  switch (reason) {
    case "below_threshold":
      return `Hidden: fewer than ${k} responses`;
    case "complement":
      return `Hidden: showing it would let a group of fewer than ${k} be worked out by subtraction`;
    case "collecting":
      return "Published when the survey closes";
  }
}
