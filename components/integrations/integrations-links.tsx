import Link from "next/link";

/** Settings' way to the owner-only integration pages. */
export function IntegrationsLinks() {
  return (
    <section className="card stack" aria-labelledby="integrations-heading">
      <h2 id="integrations-heading">Integrations</h2>
      <ul className="stack" style={{ margin: 0, paddingLeft: "1.2rem" }}>
        <li>
          <Link href="/settings/api-tokens">API tokens</Link>: let scripts and dashboards read or update DX Pulse.
        </li>
        <li>
          <Link href="/settings/webhooks">Webhooks</Link>: tell other systems when surveys open and close, friction is
          reported or an analysis finishes.
        </li>
      </ul>
    </section>
  );
}
