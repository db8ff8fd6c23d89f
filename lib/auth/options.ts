import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, env, isProduction, oidcEnabled } from "@/lib/env";
import { safeCallbackPath } from "./callback-url";
import { endAllSessions } from "./queries";
import { admitSsoUser, authorizeCredentials, type SignedInUser } from "./sign-in";
import { signInAddress } from "./sign-in-address";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const useSecureCookies = isProduction && (env.NEXTAUTH_URL?.startsWith("https://") ?? false);
// Named here (not left to next-auth's default) because app/api/sign-in and the password change set it too.
export const sessionCookie = {
  name: `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies },
};

/** What our JWT carries beyond next-auth's defaults: the account's session version at sign-in. */
type SessionClaims = { sub?: string; sv?: number };

const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const result = await authorizeCredentials(credentials, { address: signInAddress(req) });
      if (result.ok) return result.user;
      // next-auth turns a thrown error's message into ?error=…; a null return becomes CredentialsSignin.
      if (result.error !== "CredentialsSignin") throw new Error(result.error);
      return null;
    },
  }),
];

if (oidcEnabled) {
  providers.push({
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email: string; name?: string }) {
      return { id: profile.sub, email: profile.email, name: profile.name ?? profile.email };
    },
  });
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  useSecureCookies,
  cookies: { sessionToken: sessionCookie },
  providers,
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      // SSO users get an account on first sign-in; the owner can promote them afterwards.
      const local = await admitSsoUser({ email: user.email, name: user.name ?? "" });
      if (!local) return false; // deactivated
      Object.assign(user, { id: local.id, sessionVersion: local.sessionVersion });
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        (token as SessionClaims).sv = (user as Partial<SignedInUser>).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sv: (token as SessionClaims).sv });
      return session;
    },
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
    },
  },
  events: {
    // Sign-out ends the session for good: the cookie is deleted, and bumping the account's session
    // version makes a copy of it (or any other device's session) worthless too.
    async signOut({ token }) {
      const { sub, sv } = (token ?? {}) as SessionClaims;
      if (sub) await endAllSessions({ id: sub, sessionVersion: sv });
    },
  },
};
