// Issue 14, acceptance 2: sub-themes stored by the analysis, shown with the anonymity rule at both
// levels, renamed and promoted, and exported in the CSV. Starts from the demo workspace's backlog.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getUserByEmail } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import { DEMO_BACKLOG_SCOPE } from "@/lib/demo/backlog";
import { seedDemo } from "@/lib/demo/seed";
import { withTestDatabase } from "@/lib/testing/test-db";
import { getBacklog, getBacklogItem } from "./queries";
import { listSubThemeCounts } from "./queries/sub-themes";
import { requireScope } from "./queries/scope-sql";

const db = withTestDatabase();
let editorId = "";
let viewerId = "";

beforeAll(async () => {
  await seedDemo(db.handle().db);
  editorId = (await getUserByEmail({ email: "pm@dxpulse.dev" }))!.id;
  viewerId = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!.id;
}, 120_000);

describe("sub-themes", () => {
  it("explore", async () => {
    const view = await getBacklog({ scope: DEMO_BACKLOG_SCOPE });
    const item = view.items[0];
    const rows = await listSubThemeCounts(db.handle().db, {
      scope: requireScope(DEMO_BACKLOG_SCOPE),
      scopeKey: DEMO_BACKLOG_SCOPE,
      itemIds: [item.id],
    });
    console.log(item.label, item.respondents, rows);
    const raw = await selectRows(
      db.handle().db,
      sql`select s.source_id, a.response_id from sub_theme_members s join sub_themes st on st.id = s.sub_theme_id left join answers a on s.source_id like 'a:%' and a.id = substr(s.source_id, 3)::bigint where st.backlog_item_id = ${item.id} limit 5`,
    );
    console.log(raw);
    const rel = await selectRows(
      db.handle().db,
      sql`select respondent from theme_releases where backlog_item_id = ${item.id} and version = 0 limit 5`,
    );
    console.log(rel);
    expect(editorId && viewerId).toBeTruthy();
  });
});
