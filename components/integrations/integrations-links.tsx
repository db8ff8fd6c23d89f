import Link from "next/link";

/** Settings' way to the owner-only integration pages. */
export function IntegrationsLinks() {
  return (
    <section className="card stack" aria-labelledby="integrations-heading">
      <h2 id="integrations-heading">Integrations</h2>
      <div className="row">
        <Link className="btn btn-sm" href="/settings/api-tokens">
          API tokens
        </Link>
        <span className="muted small">Let scripts and dashboards read or update DX Pulse.</span>
      </div>
      <div className="row">
        <Link className="btn btn-sm" href="/settings/webhooks">
          Webhooks
        </Link>
        <span className="muted small">
          Tell other systems when surveys open and close, friction is reported or an analysis finishes.
        </span>
      </div>
    </section>
  );
}
