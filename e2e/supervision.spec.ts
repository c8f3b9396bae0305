import { test, expect, request as newRequest, type Page } from "@playwright/test";
import pg from "pg";
import { apiSignIn, server, uiSignIn } from "./support/session";
import { reviewTeam, assignReview, conflictedCase } from "./support/review-team";
import { caseCandidates, newReadyCases, queryOne } from "./support/cases";
import { EVENT_CEILING_MS } from "./support/patience";
import { expectWorkbenchReady } from "./support/workbench";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// The supervision console on real Chromium against the PostgreSQL server with the built-in MOSIP:
// reassignment and release through the case list, a conflict resolved from the conflicts queue, the
// dashboard's counts against the database, and operators kept out.

async function countStates(db: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  try {
    const rows = (await c.query(`SELECT state, count(*)::int AS n FROM "Case" GROUP BY state`)).rows as { state: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    await c.end();
  }
}

/** The tiles show what the database holds (read again until a refresh of the page catches up). */
async function expectDashboardMatchesDatabase(page: Page, db: string) {
  await expect
    .poll(
      async () => {
        await page.goto("/supervision");
        await expect(page.getByTestId("supervision-dashboard")).toBeVisible();
        const counts = await countStates(db);
        const tile = async (id: string) => Number(await page.getByTestId(id).textContent());
        return [
          (await tile("count-ready")) === (counts.READY ?? 0),
          (await tile("count-in-primary")) === (counts.IN_PRIMARY ?? 0),
          (await tile("count-in-secondary")) === (counts.IN_SECONDARY ?? 0),
          (await tile("count-conflict")) === (counts.CONFLICT ?? 0),
          (await tile("count-waiting")) === (counts.RECEIVED ?? 0) + (counts.FETCHING ?? 0),
          (await tile("count-data-unavailable")) === (counts.DATA_UNAVAILABLE ?? 0),
        ];
      },
      { timeout: EVENT_CEILING_MS, message: "dashboard tiles equal the database's counts" },
    )
    .toEqual([true, true, true, true, true, true]);
}

test("a supervisor reassigns a case with a reason and releases another through the case list; the dashboard counts them", async ({
  browser,
  baseURL,
}, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c1, c2] = await newReadyCases(t.admin, t.sup, { adjudications: 2 });
  await assignReview(t.sup, c1.id, "PRIMARY", t.a.id);
  await assignReview(t.sup, c2.id, "PRIMARY", t.a.id);

  const ps = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(ps, t.supUser);
  await ps.goto("/supervision/cases");
  await ps.getByRole("combobox", { name: /^Operator/ }).selectOption(t.a.id);
  await ps.getByRole("button", { name: "Search" }).click();
  const row1 = ps.getByTestId(`case-row-${c1.id}`);
  await expect(row1.getByTestId("case-primary")).toHaveText(t.a.username);
  await expect(ps.getByTestId(`case-row-${c2.id}`)).toBeVisible();

  await ps.getByRole("textbox", { name: /^Reason/ }).fill("a is in training today");
  await ps.getByRole("combobox", { name: /^Reassign selected to/ }).selectOption(t.b.id);
  await row1.getByRole("checkbox").check();
  await ps.getByRole("button", { name: /Reassign 1 selected/ }).click();
  await expect(ps.getByTestId("outcomes")).toContainText(`${c1.id.slice(0, 8)}: reassigned (primary)`);
  expect(
    (await queryOne<{ primaryAssigneeId: string }>(t.db, `SELECT "primaryAssigneeId" FROM "Case" WHERE id = $1`, [c1.id]))
      ?.primaryAssigneeId,
  ).toBe(t.b.id);
  const audit = await queryOne<{ details: { reason: string; from: string; to: string } }>(
    t.db,
    `SELECT details FROM "AuditEvent" WHERE action = 'case.reassigned' AND "targetId" = $1 ORDER BY id DESC LIMIT 1`,
    [c1.id],
  );
  expect(audit?.details).toMatchObject({ reason: "a is in training today", from: t.a.id, to: t.b.id });

  // The previous assignee loses the case at once.
  const apiA = await newRequest.newContext({ baseURL });
  await apiSignIn(apiA, t.a);
  expect((await apiA.get(`/api/cases/${c1.id}`)).status()).toBe(403);

  // Release the other case back to the pool.
  await ps.getByTestId(`case-row-${c2.id}`).getByRole("button", { name: "Release" }).click();
  await expect(ps.getByTestId("outcomes")).toContainText(`${c2.id.slice(0, 8)}: released (primary)`);
  const released = await queryOne<{ state: string; primaryAssigneeId: string | null }>(
    t.db,
    `SELECT state, "primaryAssigneeId" FROM "Case" WHERE id = $1`,
    [c2.id],
  );
  expect(released).toEqual({ state: "READY", primaryAssigneeId: null });

  await expectDashboardMatchesDatabase(ps, t.db);
  await expect(ps.getByTestId(`workload-${t.b.username}`)).toContainText("1 / 0");
  await expect(ps.getByTestId("states-chart").locator("svg")).toHaveAttribute("aria-label", /Ready \d+/);
});

test("a supervisor resolves a conflict from the conflicts queue in the workbench", async ({ browser, baseURL }, info) => {
  const t = await reviewTeam(baseURL!, info);
  const c = await conflictedCase(t, baseURL!);
  const { rids } = c;

  const ps = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(ps, t.supUser);
  await expectDashboardMatchesDatabase(ps, t.db);
  const row = ps
    .getByTestId("conflicts")
    .getByTestId("conflict-row")
    .filter({ hasText: c.id.slice(0, 8) });
  await expect(row).toContainText(t.a.username);
  await expect(row).toContainText(t.b.username);
  await row.getByRole("link", { name: "Resolve" }).click();
  await expect(ps).toHaveURL(new RegExp(`/cases/${c.id}$`));
  await expectWorkbenchReady(ps);

  for (let i = 0; i < rids.length; i++) {
    await ps.keyboard.press("n");
    if (i < rids.length - 1) await ps.keyboard.press("j");
  }
  await ps.keyboard.press("Enter");
  await expect(ps.getByRole("dialog", { name: "Confirm decision" })).toBeVisible();
  await ps.keyboard.press("Enter");
  await expect
    .poll(async () => (await queryOne<{ state: string }>(t.db, `SELECT state FROM "Case" WHERE id = $1`, [c.id]))?.state, {
      timeout: EVENT_CEILING_MS,
    })
    .toMatch(/DECIDED|ANSWERED/);
  const d = await queryOne<{ level: string; userId: string }>(
    t.db,
    `SELECT level, "userId" FROM "Decision" WHERE "caseId" = $1 AND level = 'SUPERVISOR'`,
    [c.id],
  );
  expect(d).toEqual({ level: "SUPERVISOR", userId: t.supUser.id });

  await ps.goto("/supervision");
  await expect(ps.getByTestId("conflicts")).not.toContainText(c.id.slice(0, 8));
  await expectDashboardMatchesDatabase(ps, t.db);
});

test("an operator gets the not-allowed page at /supervision, and an admin's invalid reject value is refused with a clear message", async ({
  page,
  browser,
  baseURL,
}, info) => {
  const t = await reviewTeam(baseURL!, info);
  await uiSignIn(page, t.a);
  for (const path of ["/supervision", "/supervision/cases", "/admin/settings"]) {
    await page.goto(path);
    await expect(page.getByTestId("not-allowed"), path).toBeVisible();
  }
  expect((await page.request.get("/api/supervision/dashboard")).status()).toBe(403);
  expect((await page.request.get("/api/supervision/profiles.ndjson")).status()).toBe(403);
  expect((await page.request.post("/api/supervision/bulk-reassign", { data: {} })).status()).toBe(403);

  const pa = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(pa, server(info).admin);
  await pa.goto("/admin/settings");
  await pa.getByRole("textbox", { name: /^Verification reject value/ }).fill("2");
  await pa.getByRole("button", { name: "Save settings" }).click();
  // The server refuses it by field; the page words the refusal in the officer's language with the field's label.
  await expect(pa.getByText("Check this field: Verification reject value.")).toBeVisible();
  // A per-operator cap, audited with old and new value.
  await pa.getByLabel(`Cap for ${t.a.username}`).fill("3");
  await pa.getByTestId(`cap-${t.a.username}`).getByRole("button", { name: "Save" }).click();
  await expect(pa.getByTestId(`cap-${t.a.username}`).getByRole("status")).toHaveText("saved");
  const audit = await queryOne<{ details: { caseCap: unknown } }>(
    t.db,
    `SELECT details FROM "AuditEvent" WHERE action = 'user.update' AND "targetId" = $1 ORDER BY id DESC LIMIT 1`,
    [t.a.id],
  );
  expect(audit?.details.caseCap).toEqual({ from: null, to: 3 });
});

test("an admin's minimum dwell makes a fast decision ask first; the confirmed decision goes to sample review flagged HASTE; a work limit is said on the queue page", async ({
  browser,
  baseURL,
}, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
  const rids = await caseCandidates(t.db, c.id);
  const before = (await (await t.admin.get("/api/admin/settings/guards")).json()).settings;
  try {
    // The admin sets a minimum dwell on the settings screen; a wrong entry is refused with what is allowed.
    const pa = await (await browser.newContext({ baseURL })).newPage();
    await uiSignIn(pa, server(info).admin);
    await pa.goto("/admin/settings");
    const guards = pa.getByTestId("settings-guards");
    await guards.getByLabel(/^Minimum dwell per case \(seconds\)/).fill("90 s");
    await guards.getByRole("button", { name: "Save guards" }).click();
    await expect(guards.getByRole("alert")).toHaveText("Minimum dwell per case (seconds): enter a whole number from 0 to 3600.");
    await guards.getByLabel(/^Minimum dwell per case \(seconds\)/).fill("600");
    await guards.getByRole("button", { name: "Save guards" }).click();
    await expect(guards.getByRole("status")).toHaveText("Saved: Minimum dwell per case (seconds) changed.");

    // The officer decides at once: asked to confirm, with the minimum; Escape goes back, focus where it was.
    await assignReview(t.sup, c.id, "PRIMARY", t.a.id);
    const pw = await (await browser.newContext({ baseURL })).newPage();
    await uiSignIn(pw, t.a);
    await pw.goto(`/cases/${c.id}`);
    await expectWorkbenchReady(pw);
    for (let i = 0; i < rids.length; i++) {
      await pw.keyboard.press("n");
      await pw.keyboard.press("j");
    }
    await pw.keyboard.press("Enter");
    await expect(pw.getByRole("dialog", { name: "Confirm decision" })).toBeVisible();
    await pw.keyboard.press("Enter");
    const haste = pw.getByRole("alertdialog", { name: "Faster than the minimum for this case" });
    await expect(haste).toContainText("This case calls for at least 10 min of review");
    await expect(haste.getByRole("button", { name: /^Back/ })).toBeFocused();
    await pw.keyboard.press("Escape");
    await expect(haste).toBeHidden();
    await expect(pw.getByRole("dialog", { name: "Confirm decision" }).getByRole("button", { name: /^Confirm and send/ })).toBeFocused();
    expect(
      await queryOne(t.db, `SELECT id FROM "Decision" WHERE "caseId" = $1`, [c.id]),
      "nothing recorded before the officer confirms",
    ).toBe(undefined);
    await pw.keyboard.press("Enter");
    await haste.getByRole("button", { name: "Confirm anyway" }).click();
    await pw.waitForURL((u) => u.pathname !== `/cases/${c.id}`);

    // The secondary confirms through the API; the decided case is in the sample review, flagged HASTE.
    await assignReview(t.sup, c.id, "SECONDARY", t.b.id);
    const apiB = await newRequest.newContext({ baseURL });
    await apiSignIn(apiB, t.b);
    const verdicts = { candidates: rids.map((referenceId) => ({ referenceId, duplicate: false })) };
    expect((await apiB.post(`/api/cases/${c.id}/decision`, { data: verdicts })).status(), "refused without confirmation").toBe(409);
    expect((await (await apiB.post(`/api/cases/${c.id}/decision`, { data: { ...verdicts, hasteConfirmed: true } })).json()).outcome).toBe(
      "DECIDED",
    );
    const samples = (await (await t.sup.get("/api/supervision/quality/samples")).json()).samples as {
      caseId: string;
      reason: string;
      flags: { kind: string }[];
    }[];
    const sampled = samples.find((s) => s.caseId === c.id);
    expect(sampled?.reason).toBe("FLAGGED");
    // One HASTE flag per confirmed decision (the comparison aid may flag the same case for its own reason).
    expect(sampled?.flags.filter((f) => f.kind === "HASTE")).toHaveLength(2);

    // One decision in the hour is the limit: the officer's queue page says so and until when; the supervisor sees it.
    expect((await t.admin.put("/api/admin/settings/guards", { data: { maxCasesPerHour: 1 } })).status()).toBe(200);
    await pw.goto("/queue");
    const notice = pw.getByTestId("work-limit");
    await expect(notice).toContainText("Hourly limit reached");
    await expect(notice).toContainText("You have recorded 1 decision in the last 60 minutes");
    await pw.getByTestId("next-case").click();
    await expect(notice).toContainText("gives you new work again from");
    await expect(pw.locator("main").getByRole("alert"), "the refusal is the notice, not an error").toHaveCount(0);
    const ps = await (await browser.newContext({ baseURL })).newPage();
    await uiSignIn(ps, t.supUser);
    await ps.goto("/supervision");
    await expect(ps.getByTestId(`work-limit-${t.a.username}`)).toContainText("At the limit (decisions per hour) until");
  } finally {
    expect((await t.admin.put("/api/admin/settings/guards", { data: before })).status()).toBe(200);
  }
});
