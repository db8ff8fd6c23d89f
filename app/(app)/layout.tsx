import { requireUser } from "@/lib/auth/guard";
import { Providers } from "@/app/providers";
import { Sidebar } from "@/components/shell/sidebar";
import { requestLocale } from "@/lib/request-locale";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <Providers locale={await requestLocale()}>
      <div className="shell">
        <Sidebar user={{ name: user.name, email: user.email, role: user.role }} />
        <main className="main" id="main">
          {children}
        </main>
      </div>
    </Providers>
  );
}
