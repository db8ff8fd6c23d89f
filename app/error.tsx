"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="empty" role="alert">
      <h1>Something went wrong</h1>
      <p>We could not load this page. If the database is restarting, it should be back in a moment.</p>
      <button className="btn" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
