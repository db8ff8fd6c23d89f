// DORA from systems: add a GitHub integration, deliver signed events through the webhook, map the
// repositories to teams, and read the team's four keys beside its survey bands. A team under k keeps
// its survey bands hidden even though its events are shown.
import { createHmac, randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

const Q3 = (day: string, time: string) => `2026-08-${day}T${time}:00Z`;

async function deliver(request: APIRequestContext, url: string, secret: string, event: string, payload: object) {
  const body = JSON.stringify(payload);
  const res = await request.post(url, {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
  });
  expect(res.status()).toBe(200);
}

const repository = (name: string) => ({ full_name: name, default_branch: "main" });

test("events through a signed webhook become a team's four keys beside its survey bands", async ({
  asEditor: page,
}) => {
  await page.goto("/settings/delivery");
  await page.getByLabel("Integration name").fill("e2e GitHub");
  await page.getByRole("button", { name: "Add integration" }).click();
  const secret = (await page.getByTestId("delivery-secret-value").textContent())!;
  const url = new URL((await page.getByTestId("delivery-secret").locator("code").first().textContent())!).pathname;
  await page.getByRole("button", { name: "I have copied it" }).click();

  const send = (event: string, payload: object) => deliver(page.request, url, secret, event, payload);
  await send("push", {
    ref: "refs/heads/main",
    after: "b2",
    repository: { ...repository("Acme/Payments"), pushed_at: Date.parse(Q3("04", "09:00")) / 1000 },
    commits: [
      { id: "a1", timestamp: Q3("03", "09:00") },
      { id: "b2", timestamp: Q3("04", "08:00") },
    ],
  });
  const deployment = { id: 901, sha: "b2", environment: "production", task: "deploy", created_at: Q3("04", "10:00") };
  await send("deployment", { repository: repository("Acme/Payments"), deployment });
  await send("deployment_status", {
    repository: repository("Acme/Payments"),
    deployment,
    deployment_status: { state: "success", environment: "production", created_at: Q3("04", "10:30") },
  });
  const issue = { id: 77, labels: [{ name: "incident" }], state: "closed", created_at: Q3("05", "09:00") };
  await send("issues", {
    action: "closed",
    repository: repository("Acme/Payments"),
    issue: { ...issue, closed_at: Q3("05", "09:40"), updated_at: Q3("05", "09:40") },
  });
  const identityDeploy = { id: 902, sha: "c3", environment: "production", created_at: Q3("06", "10:00") };
  await send("deployment_status", {
    repository: repository("acme/identity"),
    deployment: identityDeploy,
    deployment_status: { state: "success", environment: "production", created_at: Q3("06", "10:10") },
  });

  // Unmapped events are listed with their counts, then mapped to teams.
  await page.reload();
  const repos = page.getByTestId("delivery-repos");
  await expect(repos.getByRole("row", { name: /acme\/payments/ })).toContainText("1");
  await page.getByLabel("Team of acme/payments").selectOption({ label: "Payments" });
  await expect(page.getByLabel("Team of acme/payments")).toHaveValue(/.+/);
  await page.getByLabel("Team of acme/identity").selectOption({ label: "Identity" });
  await expect(page.getByLabel("Team of acme/identity")).toHaveValue(/.+/);

  await page.goto("/dashboard/teams?period=2026-Q3");
  const card = page.getByTestId("delivery-keys");
  const payments = card.getByTestId("delivery-team-Payments");
  // One deploy of two commits (25h30m and 2h30m → 14.0 h median), no failure, restored in 40 min.
  await expect(payments).toContainText("14.0 h median, 2 commits");
  await expect(payments).toContainText("0% of 1");
  await expect(payments).toContainText("40 min median, 1/1 resolved");
  await expect(payments.getByText(/^Developers say/)).toContainText(/Elite|High|Medium|Low/);
  await expect(payments.getByText(/^Systems say/)).toContainText(/Elite|High|Medium|Low/);
  // Identity answered the survey with fewer than k people: its events show, its survey bands do not.
  const identity = card.getByTestId("delivery-team-Identity");
  await expect(identity.getByText(/^Systems say/)).toContainText(/Elite|High|Medium|Low/);
  await expect(identity.getByText(/^Developers say/)).not.toContainText(/Elite|High|Medium|Low/);
  await expect(card.getByTestId("delivery-trend")).toContainText("2026-Q3");
});
