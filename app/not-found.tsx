import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-wrap">
      <div className="card auth-card" style={{ textAlign: "center" }}>
        <h1>Page not found</h1>
        <p className="muted">The link may be mistyped, or what it pointed to no longer exists.</p>
        <Link className="btn" href="/">
          Go to DX Pulse
        </Link>
      </div>
    </main>
  );
}
