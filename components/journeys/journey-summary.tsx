import { compareJourneyPaths, formatMinutes, type StepChange } from "@/lib/journeys/comparison";
import type { JourneyStepView } from "@/lib/journeys/types";

/** Totals of both paths, the saving and what happened to the current steps. Server- and client-safe. */
export function JourneySummary({ steps }: { steps: JourneyStepView[] }) {
  const c = compareJourneyPaths(steps);
  const share = c.timeSavedShare === null ? null : Math.round(c.timeSavedShare * 100);
  return (
    <section className="card stack" aria-labelledby="journey-totals-heading" data-testid="journey-totals">
      <h2 id="journey-totals-heading">Current vs golden path</h2>
      <div className="grid-4 journey-stats">
        <div>
          <div className="stat-label">Current path</div>
          <div className="stat" data-testid="current-total">
            {formatMinutes(c.current.minutes)}
          </div>
          <div className="muted small">{c.current.steps} steps</div>
        </div>
        <div>
          <div className="stat-label">Golden path</div>
          <div className="stat" data-testid="golden-total">
            {formatMinutes(c.golden.minutes)}
          </div>
          <div className="muted small">
            {c.golden.steps} steps
            {c.notDesigned.steps ? ` · ${c.notDesigned.steps} current not yet designed` : ""}
          </div>
        </div>
        <div>
          <div className="stat-label">Time saved</div>
          <div
            className={`stat ${c.minutesSaved > 0 ? "journey-good" : c.minutesSaved < 0 ? "journey-bad" : ""}`}
            data-testid="time-saved"
          >
            {formatMinutes(c.minutesSaved)}
          </div>
          <div className="muted small">
            {share === null ? "No current path yet" : `${share}% of the current path`}
            {c.notDesigned.steps
              ? `; ${formatMinutes(c.notDesigned.minutes)} not yet designed counts as unchanged`
              : ""}
          </div>
        </div>
        <div>
          <div className="stat-label">Extraneous load removed</div>
          <div className="stat" data-testid="load-removed">
            {c.extraneousLoadRemoved}
          </div>
          <div className="muted small">
            Load points: {c.current.extraneousLoad} → {c.golden.extraneousLoad}
          </div>
        </div>
      </div>
      <p className="muted small">
        Working days of 8 hours. Extraneous load is the sum of the 1–5 load levels of steps whose load comes from tools
        or process. A current step is eliminated only by a golden step marked “eliminated” that replaces it (that golden
        step only records the removal and does not count as a step); a current step no golden step replaces is not yet
        designed and counts as staying as it is.
      </p>
      <div className="grid-4">
        <ChangeList title="Eliminated" items={c.eliminated} render={(x) => x.currentName} />
        <ChangeList title="Automated" items={c.automated} render={(x) => arrow(x)} />
        <ChangeList title="Abstracted" items={c.abstracted} render={(x) => arrow(x)} />
        <ChangeList
          title="Not yet designed"
          items={c.notDesignedSteps}
          render={(x) => x.currentName}
          empty="Every current step has a decision."
        />
      </div>
    </section>
  );
}

const arrow = (x: StepChange) =>
  x.currentName && x.currentName !== x.goldenName ? `${x.currentName} → ${x.goldenName}` : (x.goldenName ?? "");

function ChangeList({
  title,
  items,
  render,
  empty = `Nothing ${title.toLowerCase()} yet.`,
}: {
  title: string;
  items: StepChange[];
  render: (x: StepChange) => React.ReactNode;
  empty?: string;
}) {
  const id = `change-${title.toLowerCase().replace(/ /g, "-")}`;
  return (
    <div>
      <h3 id={id}>
        {title} <span className="badge">{items.length}</span>
      </h3>
      {items.length ? (
        <ul className="journey-change-list" aria-labelledby={id}>
          {items.map((x, i) => (
            <li key={`${x.currentStepId ?? ""}-${x.goldenStepId ?? i}`}>{render(x)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{empty}</p>
      )}
    </div>
  );
}
