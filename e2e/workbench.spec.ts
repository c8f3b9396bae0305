import { test, expect, request as newRequest, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { apiSignIn, uiSignIn } from "./support/session";
import { reviewTeam, assignReview, conflictedCase } from "./support/review-team";
import { caseCandidates, newReadyCases, queryOne } from "./support/cases";
import { EVENT_CEILING_MS } from "./support/patience";
import { checkComparisonSheet } from "./support/comparison-sheet";
import { expectWorkbenchReady } from "./support/workbench";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// Primary and secondary review on real Chromium against the PostgreSQL server with the built-in MOSIP.
// Cases are placed with the supervisor's reassignment so each test knows who holds what.

async function openCase(page: Page, caseId: string) {
  await page.goto(`/cases/${caseId}`);
  await expectWorkbenchReady(page);
}

async function confirmWithKeyboard(page: Page, summary: RegExp[]) {
  const decided = new URL(page.url()).pathname;
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Confirm decision" });
  await expect(dialog).toBeVisible();
  for (const s of summary) await expect(dialog.getByTestId("decision-summary")).toContainText(s);
  await page.keyboard.press("Enter");
  // Sent: the officer is taken to their next case or back to the queue.
  await page.waitForURL((u) => u.pathname !== decided);
}

async function outbox(db: string, caseId: string) {
  await expect
    .poll(async () => (await queryOne<{ state: string }>(db, `SELECT state FROM "OutboxMessage" WHERE "caseId" = $1`, [caseId]))?.state, {
      timeout: EVENT_CEILING_MS,
    })
    .toBe("SENT");
  const row = await queryOne<{ body: string; destination: string }>(
    db,
    `SELECT body, destination FROM "OutboxMessage" WHERE "caseId" = $1`,
    [caseId],
  );
  const kase = await queryOne<{ state: string; requestId: string }>(db, `SELECT state, "requestId" FROM "Case" WHERE id = $1`, [caseId]);
  expect(kase?.state).toBe("ANSWERED");
  return { ...row!, json: JSON.parse(row!.body), requestId: kase!.requestId };
}

test("a duplicate, decided by two different officers with the keyboard, reaches MOSIP exactly as the contract says", async ({
  browser,
  baseURL,
}, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
  const rids = await caseCandidates(t.db, c.id);
  await assignReview(t.sup, c.id, "PRIMARY", t.a.id);

  const pa = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(pa, t.a);
  await openCase(pa, c.id);
  await expect(pa.getByRole("tab")).toHaveCount(rids.length);
  // All thumbnails of applicant and candidate 1 load; this is the screen kept as an artefact.
  await expect
    .poll(
      async () =>
        pa.evaluate(
          () =>
            [...document.querySelectorAll("[data-testid=biometric-grid] img")].filter((i) => (i as HTMLImageElement).naturalWidth > 0)
              .length,
        ),
      { timeout: EVENT_CEILING_MS },
    )
    .toBeGreaterThanOrEqual(20);
  mkdirSync(".test-work/artifacts", { recursive: true });
  const shot = await pa.screenshot({ path: ".test-work/artifacts/comparison-screen.png", fullPage: true });
  await info.attach("comparison-screen", { body: shot, contentType: "image/png" });
  await checkComparisonSheet(pa, "eng");

  // Candidate 1: duplicate on face, right thumb and left iris; the others are not duplicates.
  await pa.keyboard.press("d");
  await pa.keyboard.press("f");
  await pa.keyboard.press("1");
  await pa.keyboard.press("l");
  for (let i = 1; i < rids.length; i++) {
    await pa.keyboard.press("j");
    await pa.keyboard.press("n");
  }
  await pa.keyboard.press("c");
  await pa.keyboard.type("thumb and face match");
  await pa.keyboard.press("Escape");
  await confirmWithKeyboard(pa, [/Duplicate of 1 candidate/, /DUPLICATE \(matched: Face; Right thumb; Left iris\)/]);

  // While the secondary reviews blind, a supervisor sees the case but not the primary's verdict or comment.
  const supView = await (await t.sup.get(`/api/cases/${c.id}`)).json();
  expect(supView).toMatchObject({ state: "IN_SECONDARY", role: "SUPERVISOR", decisions: [], decisionsHidden: true });
  expect(JSON.stringify(supView)).not.toContain("thumb and face match");
  const ps = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(ps, t.supUser);
  await openCase(ps, c.id);
  await expect(ps.getByRole("note")).toContainText("hidden until the secondary review is done");
  await expect(ps.getByRole("region", { name: "Earlier decisions" })).toHaveCount(0);

  // The primary has handed the case on and can no longer open it; nobody can make them its secondary.
  expect((await pa.request.get(`/api/cases/${c.id}`)).status()).toBe(403);
  const bad = await t.sup.post(`/api/cases/${c.id}/reassign`, {
    data: { level: "SECONDARY", userId: t.a.id, reason: "try four-eyes bypass" },
  });
  expect(bad.status()).toBe(409);
  await assignReview(t.sup, c.id, "SECONDARY", t.b.id);

  const pb = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(pb, t.b);
  await openCase(pb, c.id);
  await expect(pb.getByText("You review as secondary")).toBeVisible();
  await expect(pb.getByRole("region", { name: "Earlier decisions" })).toHaveCount(0);
  await pb.getByRole("radio", { name: /^Duplicate/ }).click();
  await pb.getByRole("checkbox", { name: /^Face/ }).check();
  await pb.getByRole("checkbox", { name: /^Right thumb/ }).check();
  await pb.getByRole("checkbox", { name: /^Left iris/ }).check();
  for (let i = 1; i < rids.length; i++) {
    await pb.getByRole("tab").nth(i).click();
    await pb.getByRole("radio", { name: /^Not a duplicate/ }).click();
  }
  await pb.getByLabel(/^Comment/).fill("agree: same person");
  await pb.getByRole("button", { name: /Review and send/ }).click();
  await pb.getByRole("button", { name: /Confirm and send/ }).click();
  await pb.waitForURL((u) => !u.pathname.endsWith(c.id));

  const sent = await outbox(t.db, c.id);
  expect(sent.destination).toBe("adjudication-to-mosip");
  expect(sent.json.id).toBe("mosip.manual.adjudication.adjudicate");
  expect(sent.json.requestId).toBe(sent.requestId);
  expect(sent.json.responsetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(sent.json.returnValue).toBe(1);
  expect(sent.json.candidateList.count).toBe(1);
  expect(sent.json.candidateList.candidates).toEqual([
    {
      referenceId: rids[0],
      analytics: {
        primaryOperatorID: t.a.username,
        primaryOperatorComments: "thumb and face match",
        secondaryOperatorID: t.b.username,
        secondaryOperatorComments: "agree: same person",
        Face: "F",
        Finger: "Right_Thumb",
        Iris: "Left_Iris",
      },
    },
  ]);
  expect(sent.json.candidateList.analytics).toEqual({
    primaryOperatorID: t.a.username,
    primaryOperatorComments: "thumb and face match",
    secondaryOperatorID: t.b.username,
    secondaryOperatorComments: "agree: same person",
  });
  const sim = await (await t.admin.get("/api/simulator/requests")).json();
  expect(sim.broken).toBe(0);
});

test("a not-duplicate decision sends count 0 and no candidates", async ({ browser, baseURL }, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
  const rids = await caseCandidates(t.db, c.id);
  for (const [who, level] of [
    [t.a, "PRIMARY"],
    [t.b, "SECONDARY"],
  ] as const) {
    await assignReview(t.sup, c.id, level, who.id);
    const p = await (await browser.newContext({ baseURL })).newPage();
    await uiSignIn(p, who);
    await openCase(p, c.id);
    for (let i = 0; i < rids.length; i++) {
      await p.keyboard.press("n");
      await p.keyboard.press("j");
    }
    await confirmWithKeyboard(p, [/Not a duplicate of any candidate/]);
  }
  const sent = await outbox(t.db, c.id);
  expect(sent.json.returnValue).toBe(1);
  expect(sent.json.candidateList.count).toBe(0);
  expect(sent.json.candidateList.candidates).toEqual([]);
  expect(sent.json.candidateList.analytics.primaryOperatorID).toBe(t.a.username);
  expect(sent.json.candidateList.analytics.secondaryOperatorID).toBe(t.b.username);
});

test("a disagreement goes to a supervisor, whose resolution is final", async ({ browser, baseURL }, info) => {
  const t = await reviewTeam(baseURL!, info);
  const c = await conflictedCase(t, baseURL!);
  const { rids } = c;

  const ps = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(ps, t.supUser);
  await openCase(ps, c.id);
  const earlier = ps.getByRole("region", { name: "Earlier decisions" });
  await expect(earlier).toContainText(t.a.username);
  await expect(earlier).toContainText(t.b.username);
  for (let i = 0; i < rids.length; i++) {
    await ps.keyboard.press("n");
    await ps.keyboard.press("j");
  }
  await ps.keyboard.press("c");
  await ps.keyboard.type("different people");
  await ps.keyboard.press("Escape");
  await confirmWithKeyboard(ps, [/Not a duplicate/]);
  const sent = await outbox(t.db, c.id);
  expect(sent.json.candidateList.count).toBe(0);
  expect(sent.json.candidateList.analytics).toMatchObject({
    primaryOperatorID: t.a.username,
    secondaryOperatorID: t.b.username,
    supervisorID: t.supUser.username,
    supervisorComments: "different people",
  });
});

test("an operator cannot open a case not assigned to them, and reassignment revokes access at once", async ({ browser, baseURL }, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
  await assignReview(t.sup, c.id, "PRIMARY", t.a.id);
  const pa = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(pa, t.a);
  await openCase(pa, c.id);

  const pb = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(pb, t.b);
  expect((await pb.request.get(`/api/cases/${c.id}`)).status()).toBe(403);
  expect((await pb.request.get(`/api/cases/${c.id}/subjects/applicant/images/0?variant=thumb`)).status()).toBe(403);
  await pb.goto(`/cases/${c.id}`);
  await expect(pb.getByTestId("not-allowed")).toBeVisible();

  await assignReview(t.sup, c.id, "PRIMARY", t.b.id);
  expect((await pa.request.get(`/api/cases/${c.id}`)).status()).toBe(403);
  expect((await pa.request.get(`/api/cases/${c.id}/subjects/applicant/images/0?variant=thumb`)).status()).toBe(403);
  expect((await pa.request.post(`/api/cases/${c.id}/decision`, { data: { cannotAdjudicate: true, comment: "late" } })).status()).toBe(403);
  await pa.reload();
  await expect(pa.getByTestId("not-allowed")).toBeVisible();
  await openCase(pb, c.id);
  const audit = await (await t.admin.get(`/api/admin/audit?action=case.reassigned&targetId=${c.id}`)).json();
  expect(audit.events[0].details).toMatchObject({ level: "PRIMARY", from: t.a.id, to: t.b.id });
});

test("a verification case is approved by two officers and answered on the verification queue", async ({ baseURL }, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 0, verifications: 1 });
  for (const [who, level] of [
    [t.a, "PRIMARY"],
    [t.b, "SECONDARY"],
  ] as const) {
    await assignReview(t.sup, c.id, level, who.id);
    const api = await newRequest.newContext({ baseURL });
    await apiSignIn(api, who);
    const view = await (await api.get(`/api/cases/${c.id}`)).json();
    expect(view.kind).toBe("VERIFICATION");
    expect(view.applicant.documents.length).toBeGreaterThan(0);
    expect((await api.post(`/api/cases/${c.id}/decision`, { data: { approve: true } })).status()).toBe(200);
  }
  const sent = await outbox(t.db, c.id);
  expect(sent.destination).toBe("verification-to-mosip");
  expect(sent.json).toEqual({
    id: "mosip.verification.adjudicate",
    requestId: sent.requestId,
    responsetime: sent.json.responsetime,
    returnValue: 1,
  });
});

test("WSQ fingerprints are decoded on the server and shown as images an examiner can read", async ({ browser, baseURL }, info) => {
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1, fingerCodec: "WSQ" });
  await assignReview(t.sup, c.id, "PRIMARY", t.a.id);
  const page = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(page, t.a);
  await openCase(page, c.id);
  const thumb = page.locator('[data-testid=biometric-grid] [data-slot="RIGHT_THUMB"] img').first();
  await expect.poll(() => thumb.evaluate((i) => (i as HTMLImageElement).naturalWidth), { timeout: EVENT_CEILING_MS }).toBeGreaterThan(100);
  // The same finger opened at full size: the WSQ record decoded to its declared 300x400 grey pixels.
  await thumb.click();
  const full = page.getByTestId("compare-image").first();
  await expect
    .poll(() => full.evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]), {
      timeout: EVENT_CEILING_MS,
    })
    .toEqual([300, 400]);
  mkdirSync(".test-work/artifacts", { recursive: true });
  const shot = await page.screenshot({ path: ".test-work/artifacts/wsq-fingerprint.png" });
  await info.attach("wsq-fingerprint", { body: shot, contentType: "image/png" });
  const res = await page.request.get(`/api/cases/${c.id}/subjects/applicant/images/1?variant=full`);
  expect(res.headers()["cache-control"]).toBe("no-store");
});
