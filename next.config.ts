import type { NextConfig } from "next";

// Every page gets a CSP and frame-ancestors; Next's inline bootstrap scripts need 'unsafe-inline'
// (nonces would force every page to render dynamically).
const isDev = process.env.NODE_ENV !== "production";
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

// The respondent and friction pages are plain HTML with one static script: no inline script at all.
const respondentCsp = csp.replace(/script-src [^;]+/, "script-src 'self'");

const nextConfig: NextConfig = {
  // Lets several builds/dev servers coexist in one checkout (e2e build vs. a developer's dev server).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "natural", "postgres"],
  poweredByHeader: false,
  // `npm test` type-checks in its own step (tsc --noEmit); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // Bundled rather than loaded from node_modules at run time, so the Pages Router API route
  // (pages/api/s/[token].ts) resolves `server-only` as a server module does; a client component
  // importing it is still refused at build time.
  transpilePackages: ["server-only"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      { source: "/s/:path*", headers: [{ key: "Content-Security-Policy", value: respondentCsp }] },
      { source: "/f/:path*", headers: [{ key: "Content-Security-Policy", value: respondentCsp }] },
    ];
  },
};

export default nextConfig;
