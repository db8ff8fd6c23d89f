import type { Metadata } from "next";
import { YouSaidView } from "@/components/you-said/you-said-view";
import { requestFormatter } from "@/lib/request-locale";
import { getYouSaidPage } from "@/lib/you-said/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "You said, we did",
  robots: { index: false, follow: false },
};

/** The public "You said, we did" page (no sign-in): server-rendered, readable without JavaScript. */
export default async function YouSaidPublicPage() {
  const [page, format] = await Promise.all([getYouSaidPage(), requestFormatter()]);
  return (
    <main className="main shared-main you-said-main" id="main">
      <YouSaidView page={page} format={format} />
    </main>
  );
}
