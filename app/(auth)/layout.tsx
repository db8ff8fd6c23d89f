/** The centred card column shared by sign-in, first-run setup and password reset. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="auth-wrap">
      <div className="stack auth-card">
        <div className="brand" style={{ justifyContent: "center" }}>
          <span className="brand-mark" aria-hidden /> DX Pulse
        </div>
        {children}
      </div>
    </main>
  );
}
