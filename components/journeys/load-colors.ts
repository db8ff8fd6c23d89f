import type { LoadType } from "@/lib/journeys/constants";
// Chart colours per cognitive-load type; SVG fills cannot read CSS variables, so these are fixed
// mid-tones that stay readable on both themes.

export const loadTypeColors: Record<LoadType, string> = {
  intrinsic: "#6366f1",
  extraneous: "#e0533d",
  germane: "#16a34a",
};
