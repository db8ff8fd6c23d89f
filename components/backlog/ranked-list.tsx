"use client";
import type { BacklogListItem } from "@/lib/backlog/queries";
import { quadrantLabels } from "@/lib/backlog/prioritise";
import { percent, quadrantBadge, statusBadge } from "./format";
import { MentionRateChart } from "./mention-rate-chart";
import { backlogStatusLabels } from "@/lib/backlog/constants";

/** The ranked backlog; also the keyboard route to every point of the scatter. */
export function RankedList({
  items,
  selectedId,
  onSelect,
}: {
  items: BacklogListItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <ol className="backlog-list" aria-label="Ranked themes">
      {items.map((item) => {
        const selected = item.id === selectedId;
        return (
          <li key={item.id}>
            <button
              type="button"
              className="backlog-list-item"
              aria-current={selected ? "true" : undefined}
              onClick={() => onSelect(item.id)}
              data-testid="backlog-item"
              data-label={item.label}
            >
              <span className="backlog-rank" aria-hidden>
                {item.rank}
              </span>
              <span className="backlog-list-main">
                <span className="backlog-list-title">
                  <span className="sr-only">Rank {item.rank}: </span>
                  {item.label}
                </span>
                <span className="row backlog-list-meta">
                  <span className={quadrantBadge[item.quadrant]}>{quadrantLabels[item.quadrant]}</span>
                  {item.status !== "new" ? (
                    <span className={statusBadge[item.status]}>{backlogStatusLabels[item.status]}</span>
                  ) : null}
                  {item.respondents === 0 ? <span className="badge">No current mentions</span> : null}
                  <span className="small muted">
                    {percent(item.share, 1)} · impact {item.impact.toFixed(2)}
                  </span>
                </span>
              </span>
              {item.mentionRates.length > 1 ? <MentionRateChart rates={item.mentionRates} compact /> : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
