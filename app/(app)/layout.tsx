import { requireUser } from "@/lib/auth/guard";
import { Providers } from "@/app/providers";
import { Sidebar } from "@/components/shell/sidebar";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <Providers>
      <div className="shell">
        <Sidebar user={{ name: user.name, email: user.email, role: user.role }} />
        <main className="main" id="main">
          {children}
        </main>
      </div>
    </Providers>
  );
}
