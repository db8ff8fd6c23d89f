import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectRows } from "@/lib/db/client";
import { withTestDatabase } from "@/lib/testing/test-db";

const db = withTestDatabase();

// Anonymity is enforced by the schema itself: the tables that hold what respondents send may not
// gain a column that could identify a person or pin down when they answered.
const RESPONSE_TABLES = ["responses", "answers", "friction_entries", "submission_keys"];
const IDENTIFYING_NAME =
  /(user|ip|addr|agent|cookie|session|email|device|fingerprint|browser|name|phone|account|login|created_at|updated_at|time|_at$)/i;
const PRECISE_TIME_TYPES = new Set([
  "timestamp with time zone",
  "timestamp without time zone",
  "time with time zone",
  "time without time zone",
  "inet",
  "cidr",
  "macaddr",
]);

describe("anonymity of stored responses", () => {
  it("has no identifying or precise-time column in the response tables", async () => {
    const columns = await selectRows<{ table_name: string; column_name: string; data_type: string }>(
      db.handle().db,
      // information_schema rows are the same on PGlite and PostgreSQL.
      sql`select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name in ('responses', 'answers', 'friction_entries', 'submission_keys')
        order by table_name, ordinal_position`,
    );
    expect(new Set(columns.map((c) => c.table_name))).toEqual(new Set(RESPONSE_TABLES));
    const offending = columns.filter(
      (c) => PRECISE_TIME_TYPES.has(c.data_type) || IDENTIFYING_NAME.test(c.column_name),
    );
    expect(offending).toEqual([]);
    // The only date columns are day-precision submission dates.
    const dated = columns.filter((c) => c.data_type === "date").map((c) => `${c.table_name}.${c.column_name}`);
    expect(dated.sort()).toEqual(["friction_entries.submitted_on", "responses.submitted_on"]);
  });

  it("would catch an identifying column if one were added", async () => {
    const client = db.handle().db;
    await client.execute(sql`create table anonymity_canary (id int, respondent_ip text, answered_at timestamptz)`);
    const columns = await selectRows<{ column_name: string; data_type: string }>(
      client,
      sql`select column_name, data_type from information_schema.columns where table_name = 'anonymity_canary'`,
    );
    const offending = columns
      .filter((c) => PRECISE_TIME_TYPES.has(c.data_type) || IDENTIFYING_NAME.test(c.column_name))
      .map((c) => c.column_name);
    expect(offending.sort()).toEqual(["answered_at", "respondent_ip"]);
    await client.execute(sql`drop table anonymity_canary`);
  });
});
