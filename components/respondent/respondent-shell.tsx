// Layout of the public pages (survey and friction log): no app shell, no navigation, readable on a phone.
export function RespondentShell({ children }: { children: React.ReactNode }) {
  return (
    <main className="respondent" id="main">
      <div className="respondent-brand" aria-hidden>
        <span className="brand-mark" /> DX Pulse
      </div>
      {children}
    </main>
  );
}

export function RespondentNotice({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <RespondentShell>
      <section className="card respondent-notice" data-testid={testId}>
        <h1>{title}</h1>
        {children}
      </section>
    </RespondentShell>
  );
}
