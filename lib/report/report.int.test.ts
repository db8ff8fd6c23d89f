import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as pdfRoute } from "@/app/api/report/pdf/route";
import { getUserByEmail } from "@/lib/auth/queries";
import { setTestUser } from "@/lib/auth/session";
import { seedDemo } from "@/lib/demo/seed";
import { formatterFor } from "@/lib/format";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { createTarget } from "@/lib/targets/queries";
import { targetStatusLabels } from "@/lib/targets/status";
import { getLeadershipReport } from "./queries";

const db = withTestDatabase();
let viewerId = "";

beforeAll(async () => {
  await seedDemo(db.handle().db);
  viewerId = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!.id;
}, 180_000);

/** The PDF's bytes as a signed-in viewer downloads them (callRoute reads bodies as text). */
async function pdfBytes(period: string): Promise<Buffer> {
  setTestUser(viewerId);
  const response = await pdfRoute(
    new Request(`http://localhost/api/report/pdf?period=${period}`, { headers: { host: "localhost" } }),
    {
      params: Promise.resolve({}),
    },
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const pdfToText = (bytes: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), "report-")), "report.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("leadership report", () => {
  it("gathers the quarter's published NPS, dimensions, response rate, top actions and drivers", async () => {
    const report = await getLeadershipReport({});
    expect(report.period).toBe(report.periods.at(-1));
    expect(report.nps.current?.period).toBe(report.period);
    expect(report.dimensions.length).toBeGreaterThan(2);
    expect(report.actions.length).toBeGreaterThan(0);
    expect(report.responses?.total).toBeGreaterThanOrEqual(report.k);
    expect(report.drivers?.analysis.hidden).toBe(false);
    // The demo's targets, set when 2026-Q1 closed, read against the report's quarter.
    expect(report.targets.map((t) => t.label).sort()).toEqual(["Feedback loops", "Platform NPS"]);
    expect(report.targets.every((t) => t.baseline?.period === "2026-Q1" && t.status !== "no_data")).toBe(true);
    // A quarter nobody published falls back to the latest published one.
    expect((await getLeadershipReport({ period: "2019-Q1" })).period).toBe(report.period);
  });

  it("renders a PDF whose text holds the quarter, the NPS, the targets and the top actions", async () => {
    const lead = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!;
    await createTarget({
      input: { metric: "nps", metricKey: "", teamId: null, goal: 40, due: "2030-Q4", note: "" },
      actor: lead,
    });
    const report = await getLeadershipReport({});
    const target = report.targets.find((t) => t.due === "2030-Q4")!;
    expect(target).toMatchObject({ label: "Platform NPS", baseline: { period: report.period } });
    const period = report.period!;
    const documented = await callRoute(pdfRoute, {
      userId: viewerId,
      url: `http://localhost/api/report/pdf?period=${period}`,
    });
    expect(documented.status).toBe(200);
    expect(documented.headers.get("content-type")).toBe("application/pdf");
    const bytes = await pdfBytes(period);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfToText(bytes).replace(/\s+/g, " ");
    expect(text).toContain(`Developer experience, ${period}`);
    const nps = formatterFor("en-GB").nps(report.nps.current!.score).replace("\u2212", "-");
    expect(text).toContain(`NPS ${nps}`);
    expect(text).toContain("Top actions");
    for (const action of report.actions) expect(text).toContain(action.label.replace(/\s+/g, " "));
    expect(text).toContain("Targets");
    expect(text).toContain(`Platform NPS: goal +40 by 2030-Q4 · ${targetStatusLabels[target.status]}`);
    expect(text).toContain("What drives platform NPS");
  }, 60_000);

  it("is for signed-in people only", async () => {
    expect((await callRoute(pdfRoute, { url: "http://localhost/api/report/pdf" })).status).toBe(401);
  });
});
