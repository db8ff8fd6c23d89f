import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="empty" role="alert">
      <h1>You don’t have access to this page</h1>
      <p>Your role can read dashboards but not change this. Ask a workspace owner if you need editor access.</p>
      <Link className="btn" href="/dashboard">
        Back to the dashboard
      </Link>
    </div>
  );
}
