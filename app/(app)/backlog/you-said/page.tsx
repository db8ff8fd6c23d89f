import type { Metadata } from "next";
import Link from "next/link";
import { YouSaidEditor } from "@/components/you-said/you-said-editor";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { getYouSaidEditor } from "@/lib/you-said/queries";

export const metadata: Metadata = { title: "You said, we did" };

/** Backlog → "You said, we did": editors choose, word, preview and publish what developers read. */
export default async function YouSaidEditorPage() {
  await requireUser("editor");
  const data = await getYouSaidEditor();
  return (
    <>
      <PageHeader
        title="You said, we did"
        description="Tell developers what you are doing about their answers. Nothing goes live until you publish it."
        actions={
          <>
            <Link className="btn btn-sm" href="/backlog">
              Backlog
            </Link>
            <Link className="btn btn-sm" href="/you-said" target="_blank">
              Open the public page
            </Link>
          </>
        }
      />
      <YouSaidEditor initialData={toWire(data)} />
    </>
  );
}
