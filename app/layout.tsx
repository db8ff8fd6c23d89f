import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DX Pulse", template: "%s · DX Pulse" },
  description: "Find out what slows your developers down and what to fix first.",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Applies a theme chosen in the sidebar before first paint; otherwise the system setting wins.
const themeScript = `try{var t=localStorage.getItem("dxp-theme");if(t)document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
