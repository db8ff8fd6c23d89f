import type { JourneyPath, LoadType, StepOutcome } from "./constants";
// Current path vs golden path: totals, time saved, extraneous load removed and the fate of each
// current step. Pure: plain step data in, plain numbers and lists out.

export type ComparableStep = {
  id: string;
  path: JourneyPath;
  position: number;
  name: string;
  minutes: number;
  loadType: LoadType;
  loadLevel: number;
  counterpartStepId: string | null;
  outcome: StepOutcome | null;
};

export type PathTotals = {
  steps: number;
  minutes: number;
  /** Sum of the load levels (1–5) of the path's extraneous steps. */
  extraneousLoad: number;
  /** Sum of all load levels, whatever the type. */
  totalLoad: number;
};

export type StepChange = {
  currentStepId: string | null;
  currentName: string | null;
  goldenStepId: string | null;
  goldenName: string | null;
};

export type JourneyComparison = {
  current: PathTotals;
  golden: PathTotals;
  /** Current steps the golden path says nothing about yet; they count as staying as they are. */
  notDesigned: PathTotals;
  /** current − golden − not yet designed: only what the golden path decided saves time. */
  minutesSaved: number;
  /** Share of the current path's time saved, 0–1; null when the current path has no time. */
  timeSavedShare: number | null;
  /**
   * Extraneous load removed = Σ extraneous load levels on the current path − the same sum on the
   * golden path − that of the steps not yet designed. Levels rather than level × minutes: a
   * five-minute step that needs three YAML files is still a heavy step, and the audit is about what
   * people must hold in their heads.
   */
  extraneousLoadRemoved: number;
  /** Current steps a golden step marked "eliminated" points at. */
  eliminated: StepChange[];
  automated: StepChange[];
  abstracted: StepChange[];
  kept: StepChange[];
  /** Golden steps with no current counterpart: new work the golden path introduces. */
  added: StepChange[];
  /** Current steps no golden step points at: the golden path has not decided their fate. */
  notDesignedSteps: StepChange[];
};

export function computePathTotals(steps: Pick<ComparableStep, "minutes" | "loadType" | "loadLevel">[]): PathTotals {
  let minutes = 0;
  let extraneousLoad = 0;
  let totalLoad = 0;
  for (const step of steps) {
    minutes += step.minutes;
    totalLoad += step.loadLevel;
    if (step.loadType === "extraneous") extraneousLoad += step.loadLevel;
  }
  return { steps: steps.length, minutes: round(minutes), extraneousLoad, totalLoad };
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/**
 * A current step's fate is the outcome recorded on the golden step that points at it; it is
 * eliminated only when that golden step says so (such a golden step only documents the removal: it
 * does not count as a step of the golden path). A current step no golden step points at is not yet
 * designed: it counts as staying as it is, so adding a current step never inflates the saving.
 */
export function compareJourneyPaths(steps: ComparableStep[]): JourneyComparison {
  const current = steps.filter((s) => s.path === "current").sort(byPosition);
  const goldenAll = steps.filter((s) => s.path === "golden").sort(byPosition);
  const golden = goldenAll.filter((s) => s.outcome !== "eliminated");
  const currentTotals = computePathTotals(current);
  const goldenTotals = computePathTotals(golden);

  const currentById = new Map(current.map((s) => [s.id, s]));
  const claimed = new Set<string>();
  const lists = {
    eliminated: [] as StepChange[],
    automated: [] as StepChange[],
    abstracted: [] as StepChange[],
    kept: [] as StepChange[],
    added: [] as StepChange[],
    notDesignedSteps: [] as StepChange[],
  };

  for (const g of goldenAll) {
    const counterpart = g.counterpartStepId ? currentById.get(g.counterpartStepId) : undefined;
    if (counterpart) claimed.add(counterpart.id);
    const change: StepChange = {
      currentStepId: counterpart?.id ?? null,
      currentName: counterpart?.name ?? null,
      goldenStepId: g.outcome === "eliminated" ? null : g.id,
      goldenName: g.outcome === "eliminated" ? null : g.name,
    };
    if (!counterpart && g.outcome !== "eliminated") lists.added.push(change);
    else if (g.outcome) lists[g.outcome].push(change);
    else lists.kept.push(change);
  }
  const notDesigned = current.filter((c) => !claimed.has(c.id));
  for (const c of notDesigned)
    lists.notDesignedSteps.push({ currentStepId: c.id, currentName: c.name, goldenStepId: null, goldenName: null });
  lists.eliminated.sort(
    (a, b) =>
      (currentById.get(a.currentStepId ?? "")?.position ?? 0) - (currentById.get(b.currentStepId ?? "")?.position ?? 0),
  );

  const notDesignedTotals = computePathTotals(notDesigned);
  const minutesSaved = round(currentTotals.minutes - goldenTotals.minutes - notDesignedTotals.minutes);
  return {
    current: currentTotals,
    golden: goldenTotals,
    notDesigned: notDesignedTotals,
    minutesSaved,
    timeSavedShare: currentTotals.minutes > 0 ? minutesSaved / currentTotals.minutes : null,
    extraneousLoadRemoved:
      currentTotals.extraneousLoad - goldenTotals.extraneousLoad - notDesignedTotals.extraneousLoad,
    ...lists,
  };
}

/** Minutes saved from a map's sums: what `compareJourneyPaths` reports, for lists that only have sums. */
export function minutesSavedFromTotals(totals: {
  currentMinutes: number;
  goldenMinutes: number;
  notDesignedMinutes: number;
}): number {
  return round(totals.currentMinutes - totals.goldenMinutes - totals.notDesignedMinutes);
}

export type AlignedSteps<T> = { current: T | null; golden: T | null };

/**
 * Rows of current and golden steps for drawing the two paths side by side: a golden step sits on
 * the row of the current step it replaces, a golden step that replaces nothing right after the
 * golden step before it, and an eliminated or not yet designed current step has no golden partner.
 * Golden steps marked "eliminated" are not steps of the golden path and are left out.
 */
export function alignReplacedSteps<
  T extends Pick<ComparableStep, "id" | "path" | "position" | "counterpartStepId" | "outcome">,
>(steps: T[]): AlignedSteps<T>[] {
  const current = steps.filter((s) => s.path === "current").sort(byPosition);
  const golden = steps.filter((s) => s.path === "golden" && s.outcome !== "eliminated").sort(byPosition);
  const rows: AlignedSteps<T>[] = current.map((c) => ({ current: c, golden: null }));
  const rowOfCurrent = new Map(current.map((c, i) => [c.id, rows[i]]));
  let previous: AlignedSteps<T> | undefined;
  for (const g of golden) {
    const replaced = g.counterpartStepId ? rowOfCurrent.get(g.counterpartStepId) : undefined;
    let row: AlignedSteps<T>;
    if (replaced && !replaced.golden) {
      replaced.golden = g;
      row = replaced;
    } else {
      // New work, or a second golden step for one current step: its own row after the golden step before it.
      row = { current: null, golden: g };
      const after = replaced && (!previous || rows.indexOf(previous) < rows.indexOf(replaced)) ? replaced : previous;
      rows.splice(after ? rows.indexOf(after) + 1 : 0, 0, row);
    }
    previous = row;
  }
  return rows;
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}

/** "2 d 3 h", "1 h 30 min", "45 min" — working days of 8 hours, as journey maps are read. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  let rest = Math.round(Math.abs(minutes));
  if (rest < 60) return `${sign}${rest} min`;
  const days = Math.floor(rest / 480);
  rest -= days * 480;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", mins ? `${mins} min` : ""].filter(Boolean);
  return sign + parts.join(" ");
}
