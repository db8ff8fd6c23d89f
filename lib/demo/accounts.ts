// The demo workspace's people, shown on the sign-in page while the demo is loaded.
export const DEMO_PASSWORD = "dxpulse-demo";

export const demoUsers = [
  { email: "owner@dxpulse.dev", name: "Olivia Owner", role: "owner" as const },
  { email: "pm@dxpulse.dev", name: "Priya Platform-PM", role: "editor" as const },
  { email: "lead@dxpulse.dev", name: "Leo Leadership", role: "viewer" as const },
];
