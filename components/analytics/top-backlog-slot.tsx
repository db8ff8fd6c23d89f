/**
 * Slot for the "top backlog items" card on the overview. The backlog feature (issue 5) renders its
 * own list here: pass it as children from app/(app)/dashboard/page.tsx. Without children the card
 * explains what will appear.
 */
export function TopBacklogSlot({ children }: { children?: React.ReactNode }) {
  return (
    <section
      className="card analytics-card"
      aria-labelledby="top-backlog-title"
      data-testid="top-backlog-slot"
      data-slot="top-backlog"
    >
      <div className="card-title">
        <h2 className="analytics-card-title" id="top-backlog-title">
          Top backlog items
        </h2>
        <a className="btn btn-sm btn-ghost" href="/backlog">
          Open backlog
        </a>
      </div>
      {children ?? (
        <div className="analytics-empty muted">
          The themes developers raise most in free-text answers will be listed here, ranked by impact and frequency.
        </div>
      )}
    </section>
  );
}
