import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/auth/queries";

export const metadata: Metadata = { title: "Set up DX Pulse" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect("/sign-in");
  return (
    <div className="card stack">
      <div>
        <h1>Welcome to DX Pulse</h1>
        <p className="muted">Create the owner account. You can invite platform PMs and leadership afterwards.</p>
      </div>
      <SetupForm />
    </div>
  );
}
