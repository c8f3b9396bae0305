import { test, expect, request as newRequest } from "@playwright/test";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { apiSignIn, createUserViaApi, server, uiSignIn } from "./support/session";

// The e2e servers run without a broker, so the traffic an admin would see is seeded straight into the
// PostgreSQL server's database: a message MOSIP sent that could not be understood, and a response whose
// delivery is UNCERTAIN (the publisher stopped between hand-over and receipt).

async function seed(databaseUrl: string) {
  const requestId = randomUUID();
  const badRequestId = randomUUID();
  const shareKey = `KEY${randomUUID().replace(/-/g, "")}`;
  const body = JSON.stringify({
    id: "mosip.manual.adjudication.unknown",
    requestId: badRequestId,
    referenceURL: `http://datashare.mosip.example/v1/datashare/get/mpolicy-default-adjudication/mpartner-default-adjudication/${shareKey}`,
  });
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO "InboxMessage" ("destination","format","body","bodySize","outcome","requestId","errorCode","errorReason")
       VALUES ('mosip-to-adjudication','TEXT',$1,$2,'REJECTED',$3,'UNKNOWN_ID','id "mosip.manual.adjudication.unknown" is not a MOSIP adjudication or verification request')`,
      [Buffer.from(body), Buffer.byteLength(body), badRequestId],
    );
    const caseId = randomUUID();
    await c.query(
      `INSERT INTO "Case" ("id","requestId","referenceId","kind","state","updatedAt","decidedAt") VALUES ($1,$2,'10001000000000000000000000042','ADJUDICATION','DECIDED',now(),now())`,
      [caseId, requestId],
    );
    const response = JSON.stringify({
      id: "mosip.manual.adjudication.adjudicate",
      requestId,
      responsetime: "2026-01-01T00:00:00.000Z",
      returnValue: 1,
      candidateList: { count: 0, candidates: [], analytics: { primaryOperatorID: "op" } },
    });
    await c.query(
      `INSERT INTO "OutboxMessage" ("id","caseId","requestId","destination","format","body","state","attempts","lastError","sendingAt")
       VALUES ($1,$2,$3,'adjudication-to-mosip','TEXT',$4,'UNCERTAIN',1,'found SENDING after the publisher stopped: the broker may or may not have received it',now())`,
      [randomUUID(), caseId, requestId, response],
    );
  } finally {
    await c.end();
  }
  return { requestId, badRequestId, shareKey };
}

test("an admin sees an intake error (datashare URL masked) and an uncertain response with its two choices", async ({ page }, info) => {
  const s = server(info);
  test.skip(!s.databaseUrl, "needs the PostgreSQL server's database");
  const { requestId, badRequestId, shareKey } = await seed(s.databaseUrl!);

  await uiSignIn(page, s.admin);
  await page.getByRole("link", { name: "Integration" }).click();
  await expect(page).toHaveURL(/\/admin\/integration$/);
  await expect(page.getByTestId("integration-status")).toContainText(/Uncertain: [1-9]/);

  const row = page.getByTestId(`outbox-row-${requestId}`);
  await expect(row.getByTestId("outbox-state")).toHaveText("uncertain");
  await expect(row).toContainText("may or may not have received it");
  await row.getByRole("button", { name: "Send now…" }).click();
  await expect(row.getByRole("dialog")).toContainText("can move the packet to FAILED");
  await row.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("tab", { name: "Intake errors" }).click();
  const error = page.getByTestId("intake-errors").locator("article", { hasText: badRequestId });
  await expect(error).toContainText("UNKNOWN_ID");
  await error.getByText("Raw message").click();
  await expect(error.locator("pre")).toContainText("mpartner-default-adjudication/•••");
  await expect(error.locator("pre")).not.toContainText(shareKey);

  // The key is masked by the server, so it is not anywhere in what the API returns either.
  const api = await newRequest.newContext({ baseURL: s.baseURL });
  await apiSignIn(api, s.admin);
  const res = await api.get("/api/admin/integration/intake-errors");
  expect(res.status()).toBe(200);
  expect(await res.text()).not.toContain(shareKey);
  await api.dispose();

  // Resolving as sent is audited and settles the row.
  await page.getByRole("tab", { name: "Outbox" }).click();
  await row.getByRole("button", { name: "Mark as sent…" }).click();
  await row.getByRole("button", { name: "Yes, MOSIP has it" }).click();
  await expect(row.getByTestId("outbox-state")).toHaveText("sent");
  await expect(row.getByRole("button", { name: "Mark as sent…" })).toHaveCount(0);
});

test("an operator gets the refusal page and no Integration link", async ({ page, baseURL }, info) => {
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, server(info).admin);
  const operator = await createUserViaApi(adminApi, ["OPERATOR"]);
  await adminApi.dispose();
  await uiSignIn(page, operator);
  await expect(page.getByRole("link", { name: "Integration" })).toHaveCount(0);
  await page.goto("/admin/integration");
  await expect(page.getByTestId("not-allowed")).toBeVisible();
  await expect(page.getByTestId("not-allowed")).toContainText("integration.view");
});
