import { test, expect, request as newRequest, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { caseCandidates, newReadyCases, queryOne } from "./support/cases";
import { EVENT_CEILING_MS } from "./support/patience";
import { assignReview, type Officer, reviewTeam } from "./support/review-team";
import { apiSignIn, uiSignIn } from "./support/session";
import { expectWorkbenchReady } from "./support/workbench";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// Issue 14's supervisor on real Chromium against PostgreSQL: known-answer cases switched on in the settings, two
// operators working a queue of real and known-answer cases, each operator's accuracy and the pair's kappa on the
// quality page, a sampled case confirmed, the CSV downloaded and read, the monthly report printed to PDF and its
// first page rendered to PNG (poppler's pdftoppm) under .test-work/artifacts/quality/ to be looked at.

const DIR = ".test-work/artifacts/quality";
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const PROGRAMME = "E2E Identity Programme";

/** Both officers review the case, a as primary and b as secondary, with the same verdict per candidate. */
async function bothDecide(
  t: { sup: APIRequestContext; db: string },
  ops: [Officer, APIRequestContext][],
  caseId: string,
  duplicates: number[],
) {
  const rids = await caseCandidates(t.db, caseId);
  const data = { candidates: rids.map((referenceId, i) => ({ referenceId, duplicate: duplicates.includes(i) })) };
  for (const [[officer, api], level] of [
    [ops[0], "PRIMARY"],
    [ops[1], "SECONDARY"],
  ] as const) {
    await assignReview(t.sup, caseId, level, officer.id);
    const r = await api.post(`/api/cases/${caseId}/decision`, { data });
    expect(r.status(), await r.text()).toBe(200);
  }
}

test("a supervisor turns on known-answer cases, sees each operator's accuracy and kappa, confirms a sample, exports the CSV and the PDF", async ({
  browser,
  baseURL,
}, info) => {
  const t = await reviewTeam(baseURL!, info);
  const started = new Date();
  const context = await browser.newContext({ baseURL, viewport: SIZES[0], acceptDownloads: true });
  const ps = await context.newPage();
  await uiSignIn(ps, t.supUser);

  await ps.goto("/supervision/quality/settings");
  await ps.getByLabel("Add known-answer cases to the queues").check();
  await ps.getByLabel("Share of all cases, in %").fill("20");
  await ps.getByLabel("Sample review, % of agreed decisions").fill("100");
  await ps.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ps.getByRole("status")).toHaveText("Saved.");
  try {
    // Four real requests: at 20 % the feeder owes at least one known-answer case at its next round (every 30 s).
    const real = await newReadyCases(t.admin, t.sup, { adjudications: 4 });
    let known: { caseId: string; duplicatePositions: number[] } | undefined;
    await expect
      .poll(
        async () => {
          known = await queryOne(
            t.db,
            `SELECT k."caseId", k."duplicatePositions" FROM "KnownAnswer" k JOIN "Case" c ON c.id = k."caseId"
             WHERE k."traineeId" IS NULL AND c.state = 'READY' AND k."createdAt" >= $1 ORDER BY k."createdAt" LIMIT 1`,
            [started],
          );
          return known?.caseId;
        },
        { timeout: EVENT_CEILING_MS, message: "the feeder adds a known-answer case" },
      )
      .toBeTruthy();

    const ops: [Officer, APIRequestContext][] = [];
    for (const o of [t.a, t.b]) {
      const api = await newRequest.newContext({ baseURL });
      await apiSignIn(api, o);
      ops.push([o, api]);
    }
    // The mixed queue: real cases with and without a duplicate (so the labels vary and kappa is defined), and the
    // known-answer case answered with its truth (the gallery positions of the applicant's own records).
    await bothDecide(t, ops, real[0].id, [0]);
    await bothDecide(t, ops, real[1].id, []);
    await bothDecide(t, ops, known!.caseId, known!.duplicatePositions);

    // Every agreed real decision was drawn for review (or flagged, when the comparison aid's scores disagree with
    // the verdict): confirm the first after opening it read-only.
    await ps.goto("/supervision/quality/samples");
    const row = ps.getByTestId(`sample-${real[0].id}`);
    await expect(row).toContainText(/Random sample|Comparison aid disagrees/);
    await expect(row).toContainText(t.a.username);
    await expect(ps.getByTestId(`sample-${known!.caseId}`)).toHaveCount(0);
    const [casePage] = await Promise.all([context.waitForEvent("page"), row.getByRole("link", { name: real[0].id.slice(0, 8) }).click()]);
    await expectWorkbenchReady(casePage);
    await casePage.close();
    await shoot(ps, "eng", "samples");
    await row.getByRole("button", { name: "Review" }).click();
    await row.getByLabel("Note (optional)").fill("checked against the candidate's fingerprints");
    await row.getByRole("button", { name: "Confirm" }).click();
    await expect(ps.getByTestId("sample-reviewed")).toHaveText(`Case ${real[0].id.slice(0, 8)} confirmed.`);
    await expect(row).toHaveCount(0);
    expect(await queryOne(t.db, `SELECT outcome, note, "reviewerId" FROM "SampleReview" WHERE "caseId" = $1`, [real[0].id])).toEqual({
      outcome: "CONFIRMED",
      note: "checked against the candidate's fingerprints",
      reviewerId: t.supUser.id,
    });

    // This month's figures: one known-answer decision each, right (1 of 1: interval 21–100 %), and the pair in full agreement.
    await ps.goto("/supervision/quality");
    const [x, y] = [t.a.username, t.b.username].sort();
    for (const o of [t.a, t.b])
      await expect(ps.getByTestId(`known-answer-${o.username}`).getByTestId("accuracy")).toHaveText("100% (21%–100%)1 decision");
    await expect(ps.getByTestId(`kappa-${x}-${y}`).getByTestId("kappa")).toHaveText("1.00");
    await shoot(ps, "eng", "figures");

    const download = await Promise.all([ps.waitForEvent("download"), ps.getByRole("link", { name: "Download CSV" }).click()]).then(
      ([d]) => d,
    );
    expect(download.suggestedFilename()).toMatch(/^decision-quality-\d{4}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), "utf8").split("\r\n");
    expect(csv[0]).toBe("section,figure,operator,operator_b,value,successes,n,ci95_low,ci95_high");
    for (const o of [t.a, t.b]) expect(csv).toContain(`"known_answers","accuracy","${o.username}",,1,1,1,0.206549,1`);
    expect(csv).toContain(`"agreement","kappa_pair","${x}","${y}",1,,${await items(t.db, [real[0].id, real[1].id, known!.caseId])},,`);

    // The monthly report, printed as the browser's "Save as PDF" would (A4 from the page's CSS).
    await ps.getByRole("link", { name: "Monthly report (print or PDF)" }).click();
    await expect(ps.getByTestId("report-programme")).toHaveText(PROGRAMME);
    const month = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
    await expect(ps.getByTestId("report-period")).toHaveText(month);
    mkdirSync(DIR, { recursive: true });
    await ps.pdf({ path: `${DIR}/report.pdf`, preferCSSPageSize: true, printBackground: true });
    expect(execFileSync("pdfinfo", [`${DIR}/report.pdf`], { encoding: "utf8" })).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", `${DIR}/report.pdf`, "-"], { encoding: "utf8" });
    for (const s of [PROGRAMME, "Decision quality report", month, x, "100% (21%–100%)"]) expect(text).toContain(s);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", `${DIR}/report.pdf`, `${DIR}/report-page1`]);
    await shoot(ps, "eng", "report");

    // The new pages in French and Arabic too, for a person to look at.
    for (const [lang, title] of [
      ["fra", "Qualité des décisions"],
      ["ara", "جودة القرارات"],
    ] as const) {
      expect((await ps.request.put("/api/account/language", { data: { language: lang } })).status()).toBe(200);
      for (const [path, name, loaded] of [
        ["/supervision/quality", "figures", "quality-figures"],
        ["/supervision/quality/samples", "samples", "sample-queue"],
        ["/supervision/quality/settings", "settings", "training-results"],
      ] as const) {
        await ps.goto(path);
        await expect(ps.getByRole("heading", { level: 1 })).toHaveText(title);
        await expect(ps.getByTestId(loaded)).toBeVisible();
        await shoot(ps, lang, name);
      }
      await ps.goto("/supervision/quality/report");
      await expect(ps.getByTestId("report-period")).not.toHaveText(month);
      await shoot(ps, lang, "report");
    }
    expect((await ps.request.put("/api/account/language", { data: { language: "eng" } })).status()).toBe(200);
    await ps.goto("/supervision/quality/settings");
    await expect(ps.getByLabel("Share of all cases, in %")).toHaveValue("20");
    await expect(ps.getByTestId("training-results")).toBeVisible();
    await shoot(ps, "eng", "settings");
  } finally {
    // The other tests expect no known-answer cases arriving behind their backs.
    await t.sup.put("/api/supervision/quality/settings", { data: { knownAnswerPercent: 0, sampleReviewPercent: 0 } });
  }
});

/** Rated items of a pair: one per gallery candidate of each case both reviewed. */
async function items(db: string, caseIds: string[]): Promise<number> {
  return (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM "Candidate" WHERE "caseId" = ANY($1::uuid[])`, [caseIds]))!.n;
}

async function shoot(page: import("@playwright/test").Page, lang: string, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${DIR}/${lang}-${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(SIZES[0]);
}
