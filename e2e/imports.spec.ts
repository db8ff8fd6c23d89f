// Issue 17, acceptance 3 (second half): import a CSV of past results and see its quarter in the trend.
// The file's name, email and timestamp columns are dropped; one label needs the editor's mapping first.
// Rows carry no team, so the demo's team and platform views (which other specs read) are unchanged.
import { expect, test } from "./fixtures";

test("past results from a CSV become a closed survey whose quarter shows in the NPS trend", async ({
  asEditor: page,
}) => {
  const rows = [
    [10, "Agree"],
    [9, "Strongly agree"],
    [9, "Sometimes"],
    [7, "Agree"],
    [4, "Disagree"],
    [10, "Agree"],
  ];
  const csv = [
    "Timestamp,Full name,Email,platform_nps,Cognitive load",
    ...rows.map(([nps, load], i) => `2025-11-1${i} 09:3${i}:00,Person ${i},p${i}@corp.example,${nps},${load}`),
  ].join("\n");

  await page.goto("/surveys");
  await page.getByRole("link", { name: "Import past results" }).click();
  await page.getByLabel("Questions of", { exact: true }).selectOption({ label: "Developer experience survey 2026-Q3" });
  await page.getByLabel("Quarter of the results").fill("2025-Q4");
  await page.getByLabel("CSV file").setInputFiles({ name: "past.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check file" }).click();

  const preview = page.getByTestId("survey-import-preview");
  // Columns named like a question's key are mapped; the name, email and timestamp are not (dropped).
  await expect(page.getByLabel("Map column Email")).toHaveValue("");
  await expect(page.getByLabel("Map column Cognitive load")).toHaveValue("cognitive_load");
  // "Sometimes" is no Likert label: its row is refused, named by line and column, until it is mapped.
  await expect(preview).toContainText("5 rows ready, 1 problem to fix first");
  await expect(preview.getByRole("alert")).toContainText("Line 4, column “Cognitive load”");
  await page.getByLabel("Value of “Sometimes” in Cognitive load").selectOption("3");
  await expect(preview).toContainText("6 rows ready.");
  await expect(page.getByTestId("import-preview-rows")).not.toContainText("corp.example");

  await page.getByRole("button", { name: "Import 6 responses" }).click();
  await expect(page.getByTestId("survey-import-done")).toContainText("Imported 6 responses");

  await page.goto("/dashboard?from=2025-Q4");
  await page.getByTestId("nps-trend").getByText("Table", { exact: true }).click();
  const first = page.getByTestId("nps-table").getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText("2025-Q4");
  // 4 promoters (10, 9, 9, 10) and 1 detractor (4) of 6.
  await expect(first).toContainText("+50");
  await expect(page.getByRole("columnheader", { name: "2025-Q4" })).toBeVisible();
});
