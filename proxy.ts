// Page requests carry the address asked for into the render (a server component cannot read its own
// URL), so a visitor sent to sign in comes back to it (lib/auth/guard.ts). Any value a client sends in
// the header is overwritten here, and the guard accepts only a path on this site.
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/callback-url";

export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc"); // Next's client-navigation marker, not part of the page's address
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, url.pathname + url.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Signed-in pages only: not the API, Next's assets, the public respondent pages, sign-in itself or files.
  matcher: ["/((?!api/|_next/|s/|f/|sign-in|setup|reset-password|.*\\.).*)"],
};
