// Which HTTP methods each route answers, so a request with any other method gets 405 and an Allow
// header before it reaches Next.js (lib/api/front-door.ts). Next.js itself answers a method a route
// file does not export with a bare 405 (no Allow), and TRACE or TRACK with a 500: it cannot build a
// Web Request for them. allowed-methods.test.ts fails when a route file's exports and this list differ.
export const ROUTE_METHODS: Record<string, readonly string[]> = {
  "/api/account/password": ["POST"],
  "/api/analytics/adoption": ["GET"],
  "/api/analytics/dimensions": ["GET"],
  "/api/analytics/dora": ["GET"],
  "/api/analytics/export/[table]": ["GET"],
  "/api/analytics/meta": ["GET"],
  "/api/analytics/notice": ["GET"],
  "/api/analytics/nps": ["GET"],
  "/api/analytics/response-rates": ["GET"],
  "/api/analytics/surveys/[surveyId]": ["GET"],
  "/api/analytics/surveys/[surveyId]/comments": ["GET"],
  "/api/analytics/surveys/[surveyId]/drivers": ["GET"],
  "/api/analytics/teams": ["GET"],
  "/api/audit": ["GET"],
  "/api/auth/[...nextauth]": ["GET", "POST"],
  "/api/backlog": ["GET"],
  "/api/backlog/analysis": ["GET"],
  "/api/backlog/build": ["POST"],
  "/api/backlog/dashboard": ["GET", "PUT"],
  "/api/backlog/export": ["GET"],
  "/api/backlog/items/[id]": ["GET", "PATCH"],
  "/api/backlog/items/[id]/carry": ["DELETE"],
  "/api/backlog/items/[id]/merge": ["POST", "DELETE"],
  "/api/backlog/items/[id]/move": ["POST"],
  "/api/backlog/items/[id]/plan": ["GET", "PUT", "DELETE"],
  "/api/backlog/roadmap": ["GET"],
  "/api/backlog/scopes": ["GET"],
  "/api/backlog/sub-themes/[id]": ["PATCH"],
  "/api/backlog/sub-themes/[id]/promote": ["POST"],
  "/api/backlog/thresholds": ["PATCH"],
  "/api/dimensions": ["GET", "POST"],
  "/api/dimensions/[id]": ["PATCH", "DELETE"],
  "/api/distribution/channels": ["GET", "PUT"],
  "/api/friction/[token]": ["POST"],
  "/api/friction/links": ["GET", "POST"],
  "/api/health": ["GET"],
  "/api/testing/time-travel": ["POST"],
  "/api/jobs": ["GET"],
  "/api/jobs/[id]/retry": ["POST"],
  "/api/delivery/import": ["POST"],
  "/api/delivery/keys": ["GET"],
  "/api/delivery/repos": ["GET", "PUT"],
  "/api/delivery/sources": ["GET", "POST"],
  "/api/delivery/sources/[id]": ["DELETE"],
  "/api/delivery/sources/[id]/secret": ["POST"],
  "/api/delivery/webhooks/github/[sourceId]": ["POST"],
  "/api/delivery/webhooks/gitlab/[sourceId]": ["POST"],
  "/api/imports/notes": ["GET", "POST"],
  "/api/imports/notes/[id]": ["DELETE"],
  "/api/imports/notes/import": ["POST"],
  "/api/imports/surveys": ["POST"],
  "/api/journeys": ["GET", "POST"],
  "/api/journeys/[id]": ["GET", "PATCH", "DELETE"],
  "/api/journeys/[id]/duplicate": ["POST"],
  "/api/journeys/[id]/evidence": ["GET"],
  "/api/journeys/[id]/export": ["GET"],
  "/api/journeys/[id]/steps": ["POST"],
  "/api/journeys/[id]/steps/[stepId]": ["PATCH", "DELETE"],
  "/api/journeys/[id]/steps/[stepId]/backlog-item": ["POST"],
  "/api/journeys/[id]/steps/[stepId]/themes": ["POST"],
  "/api/journeys/[id]/steps/[stepId]/themes/[themeId]": ["DELETE"],
  "/api/journeys/[id]/steps/order": ["PUT"],
  "/api/journeys/[id]/suggestions": ["GET"],
  "/api/journeys/themes": ["GET"],
  "/api/openapi.json": ["GET"],
  "/api/password-reset": ["POST"],
  "/api/report/pdf": ["GET"],
  "/api/s/[token]": ["GET", "POST"],
  "/api/s/i/[token]": ["GET", "POST"],
  "/api/settings": ["GET", "PATCH"],
  "/api/setup": ["POST"],
  "/api/share-links": ["GET", "POST"],
  "/api/share-links/[id]": ["DELETE"],
  "/api/share/[token]/dimensions": ["GET"],
  "/api/share/[token]/dora": ["GET"],
  "/api/share/[token]/meta": ["GET"],
  "/api/share/[token]/notice": ["GET"],
  "/api/share/[token]/nps": ["GET"],
  "/api/share/[token]/response-rates": ["GET"],
  "/api/share/[token]/surveys/[surveyId]": ["GET"],
  "/api/share/[token]/surveys/[surveyId]/comments": ["GET"],
  "/api/share/[token]/surveys/[surveyId]/drivers": ["GET"],
  "/api/share/[token]/teams": ["GET"],
  "/api/sign-in": ["POST"],
  "/api/surveys": ["GET", "POST"],
  "/api/surveys/[id]": ["GET", "PATCH", "DELETE"],
  "/api/surveys/[id]/distribution": ["GET"],
  "/api/surveys/[id]/distribution/preview": ["POST"],
  "/api/surveys/[id]/distribution/reminders": ["POST"],
  "/api/surveys/[id]/distribution/schedule": ["POST"],
  "/api/surveys/[id]/links": ["GET", "POST"],
  "/api/surveys/[id]/links/[linkId]/qr": ["GET"],
  "/api/surveys/[id]/questions": ["POST"],
  "/api/surveys/[id]/questions/[questionId]": ["PATCH", "DELETE"],
  "/api/surveys/[id]/questions/order": ["PUT"],
  "/api/surveys/[id]/series": ["PUT", "DELETE"],
  "/api/surveys/[id]/status": ["POST"],
  "/api/targets": ["GET", "POST"],
  "/api/targets/[id]": ["PATCH", "DELETE"],
  "/api/targets/options": ["GET"],
  "/api/teams": ["GET", "POST"],
  "/api/teams/[id]": ["PATCH", "DELETE"],
  "/api/teams/[id]/invite-list": ["GET", "PUT"],
  "/api/teams/[id]/invite-only": ["PUT"],
  "/api/tokens": ["GET", "POST"],
  "/api/tokens/[id]": ["DELETE"],
  "/api/users": ["GET", "POST"],
  "/api/users/[id]": ["PATCH", "DELETE"],
  "/api/users/[id]/reset-link": ["POST"],
  "/api/webhooks": ["GET", "POST"],
  "/api/webhooks/[id]": ["PATCH", "DELETE"],
  "/api/webhooks/[id]/secret": ["POST"],
  "/api/webhooks/[id]/test": ["POST"],
  "/api/webhooks/deliveries": ["GET"],
  "/api/webhooks/deliveries/[id]/redeliver": ["POST"],
  "/api/workflows": ["GET", "POST"],
  "/api/workflows/[id]": ["PATCH", "DELETE"],
  "/api/workflows/[id]/timings/[period]": ["PUT"],
  "/api/you-said": ["GET"],
  "/api/you-said/editor": ["GET"],
  "/api/you-said/items/[id]": ["PUT"],
  "/api/you-said/items/[id]/publish": ["POST", "DELETE"],
  "/f/[token]": ["GET", "POST"],
  "/s/[token]": ["GET"],
  "/share/[token]": ["GET"],
  "/s/[token]/submit": ["POST"],
  "/s/i/[token]": ["GET"],
  "/s/i/[token]/submit": ["POST"],
};

/** What Next.js can route at all (its HTTP_METHODS); anything else is refused everywhere. */
const ROUTABLE = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
/** Pages: read, plus POST for React server actions and forms that post to their own page. */
const PAGE_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

type Pattern = { route: string; segments: string[] };
const patterns: Pattern[] = Object.keys(ROUTE_METHODS).map((route) => ({ route, segments: route.split("/").slice(1) }));

// Per segment: static beats [param] beats [...rest], as in Next.js's own routing.
const rank = (segment: string) => (segment.startsWith("[...") ? 0 : segment.startsWith("[") ? 1 : 2);

/** The route file a path is served by, e.g. "/api/surveys/[id]" for "/api/surveys/abc". */
export function matchRoute(pathname: string): string | null {
  const parts = pathname.replace(/\/+$/, "").split("/").slice(1);
  let best: { route: string; score: number[] } | null = null;
  for (const { route, segments } of patterns) {
    const score: number[] = [];
    let matches = true;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (segment.startsWith("[...")) {
        matches = parts.length > i;
        score.push(0);
        break;
      }
      if (i >= parts.length || (rank(segment) === 2 && segment !== parts[i])) {
        matches = false;
        break;
      }
      score.push(rank(segment));
    }
    if (!matches || (!segments.some((s) => s.startsWith("[...")) && parts.length !== segments.length)) continue;
    if (!best || compareScores(score, best.score) > 0) best = { route, score };
  }
  return best?.route ?? null;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
  return 0;
}

/** The Allow header's methods for a route: its own, HEAD with GET, and OPTIONS (Next.js answers it). */
export function allowedMethods(route: string): string[] {
  const own = ROUTE_METHODS[route] ?? [];
  return [...own, ...(own.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}

/**
 * null when the request may go on to Next.js; otherwise the Allow header of the 405 to send.
 * Next.js's own paths (/_next, dev tooling) and API paths this list does not know are only refused
 * methods Next.js cannot route (TRACE, TRACK, WebDAV…); anything else is taken to be a page.
 */
export function refusedMethod(method: string, pathname: string): { allow: string } | null {
  const upper = method.toUpperCase();
  const route = matchRoute(pathname);
  if (route) {
    const allowed = allowedMethods(route);
    return allowed.includes(upper) ? null : { allow: allowed.join(", ") };
  }
  const internal = pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs") || pathname.startsWith("/api/");
  if (internal) return ROUTABLE.has(upper) ? null : { allow: "GET, HEAD, OPTIONS, POST" };
  return PAGE_METHODS.includes(upper) ? null : { allow: PAGE_METHODS.join(", ") };
}
