import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, env, isProduction, oidcEnabled } from "@/lib/env";
import { verifyPassword } from "./password";
import { getUserByEmail, upsertSsoUser } from "./queries";
import { signInSchema } from "./schemas";
import { takeLoginAttempt } from "./login-rate-limit";

const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials) {
      const parsed = signInSchema.safeParse(credentials);
      if (!parsed.success) return null;
      // Throttled per email so a password cannot be guessed by brute force.
      if (!takeLoginAttempt(parsed.data.email)) throw new Error("TooManyAttempts");
      const user = await getUserByEmail({ email: parsed.data.email });
      if (!user?.passwordHash) return null;
      if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
      return { id: user.id, email: user.email, name: user.name };
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
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  useSecureCookies: isProduction && (env.NEXTAUTH_URL?.startsWith("https://") ?? false),
  providers,
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      // SSO users get an account on first sign-in; the owner can promote them afterwards.
      const local = await upsertSsoUser({ email: user.email, name: user.name ?? "", role: env.OIDC_DEFAULT_ROLE });
      user.id = local.id;
      return true;
    },
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
