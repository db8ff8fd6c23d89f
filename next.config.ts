import type { NextConfig } from "next";
import { devServerHostnames } from "./lib/dev-server";
import { env, isProduction } from "./lib/env";

// Every page gets a CSP and frame-ancestors; Next's inline bootstrap scripts need 'unsafe-inline'
// (nonces would force every page to render dynamically).
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
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
  distDir: env.NEXT_DIST_DIR,
  // The dev server's scripts and hot reload also for pages opened at 127.0.0.1 or the LAN address
  // that `next dev` prints, not only at localhost.
  allowedDevOrigins: isProduction ? undefined : devServerHostnames(env.NEXTAUTH_URL),
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
