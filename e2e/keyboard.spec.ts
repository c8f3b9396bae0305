import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { reviewTeam, assignReview } from "./support/review-team";
import { caseCandidates, newReadyCases, queryOne } from "./support/cases";
import { EVENT_CEILING_MS } from "./support/patience";
import { AxeTour } from "./support/axe";
import { expectFocusTrapped, expectVisibleFocus, tabTo } from "./support/keyboard";
import { expectWorkbenchReady } from "./support/workbench";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// The officer's whole flow in English with the keyboard alone: no click, only Tab, Shift+Tab, Enter, Space, Escape and
// the workbench's keys. Focus must be visible at every stop and stay inside the dialogs, and go back to the control that
// opened them. The screens are found by role and name, not by layout. axe checks each screen on the way (the other
// languages' officer flow is in e2e/languages.spec.ts).

test("an officer signs in, opens the next case, compares, decides every candidate and confirms with the keyboard alone", async ({
  browser,
  baseURL,
}, info) => {
  const axe = new AxeTour();
  const where = (page: string) => ({ page, language: "eng" });
  const t = await reviewTeam(baseURL!, info);
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
  const rids = await caseCandidates(t.db, c.id);
  expect(rids.length, "the simulator's adjudication has a gallery of at least two").toBeGreaterThanOrEqual(2);
  await assignReview(t.sup, c.id, "PRIMARY", t.a.id);

  const page = await (await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto("/signin");
  // The sign-in page has one task: its first field has focus.
  await expect(page.getByLabel("Username")).toBeFocused();
  await page.keyboard.type(t.a.username);
  await tabTo(page, page.getByLabel("Password", { exact: true }));
  await page.keyboard.type(t.a.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole("heading", { name: "My queue", level: 1 })).toBeVisible();
  await expect(page.getByTestId("queue-table")).toBeVisible({ timeout: EVENT_CEILING_MS });
  await axe.scan(page, where("queue"));

  await tabTo(page, page.getByRole("button", { name: "Next case" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}$`));
  await expectWorkbenchReady(page);
  await expect(page.getByRole("tab")).toHaveCount(rids.length, { timeout: EVENT_CEILING_MS });
  // Every image says what it shows: position and capture quality.
  const thumbs = page.getByRole("button", { name: /^Right thumb, quality \d+$/ });
  await expect(thumbs.first()).toBeVisible({ timeout: EVENT_CEILING_MS });
  await expect(page.getByRole("img", { name: /^Left little, quality \d+$/ }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /^Face, quality \d+$/ }).first()).toBeVisible();
  await axe.scan(page, where("case"));

  // The compare view: opened with Enter on the applicant's right thumb, focus inside, Escape back to the thumbnail.
  const thumb = thumbs.first();
  await tabTo(page, thumb);
  await page.keyboard.press("Enter");
  const viewer = page.getByRole("dialog", { name: "Compare Right thumb" });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Close" })).toBeFocused();
  await expect(viewer.getByRole("img", { name: /^Applicant: Right thumb, quality \d+$/ })).toBeVisible();
  await expect(viewer.getByRole("img", { name: /^Candidate 1: Right thumb, quality \d+$/ })).toBeVisible();
  // Its keys work on the view: + zooms both images.
  await page.keyboard.press("+");
  await expect(viewer.getByTestId("zoom-level")).toHaveText("125%");
  await expectFocusTrapped(page, viewer);
  await axe.scan(page, where("compare"));
  await page.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  await expect(thumb).toBeFocused();
  await expectVisibleFocus(page);
  // Kept to look at: how keyboard focus shows on the case page.
  mkdirSync(".test-work/artifacts", { recursive: true });
  await page.screenshot({ path: ".test-work/artifacts/keyboard-focus.png" });

  // Candidate 1 by Tab and Space: a duplicate on the right thumb.
  await tabTo(page, page.getByRole("radio", { name: /^Duplicate/ }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: /^Duplicate/ })).toHaveAttribute("aria-checked", "true");
  await tabTo(page, page.getByRole("checkbox", { name: /^Right thumb/ }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /^Right thumb/ })).toBeChecked();
  // The others with the workbench's keys, which work with focus on that checkbox: J goes to the next candidate, N
  // calls it not a duplicate.
  for (let i = 1; i < rids.length; i++) {
    await page.keyboard.press("j");
    await expect(page.getByRole("tab").nth(i)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("n");
    await expect(page.getByRole("radio", { name: /^Not a duplicate/ })).toHaveAttribute("aria-checked", "true");
  }
  // Back to candidate 1 by its tab, with Enter: the verdict given there is kept.
  await tabTo(page, page.getByRole("tab").first(), { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab").first()).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("radio", { name: /^Duplicate/ })).toHaveAttribute("aria-checked", "true");

  // Review: the confirm dialog takes focus on "Confirm and send", keeps it, and Escape returns to "Review and send".
  const reviewButton = page.getByRole("button", { name: /^Review and send/ });
  await tabTo(page, reviewButton);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Confirm decision" });
  await expect(dialog.getByTestId("decision-summary")).toContainText("Duplicate of 1 candidate");
  await expect(dialog.getByRole("button", { name: /^Confirm and send/ })).toBeFocused();
  await expectFocusTrapped(page, dialog);
  await axe.scan(page, where("confirm"));
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(reviewButton).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: /^Confirm and send/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.pathname.startsWith(`/cases/${c.id}`));

  // What the keyboard decided is what was recorded.
  const decision = await queryOne<{
    body: { candidates: { referenceId: string; duplicate: boolean; modalities?: { fingers: string[] } }[] };
  }>(t.db, `SELECT body FROM "Decision" WHERE "caseId" = $1 AND level = 'PRIMARY' AND "userId" = $2`, [c.id, t.a.id]);
  expect(decision?.body.candidates.map((x) => [x.referenceId, x.duplicate])).toEqual(rids.map((r, i) => [r, i === 0]));
  expect(decision?.body.candidates[0].modalities?.fingers).toEqual(["RIGHT_THUMB"]);
  axe.check();
});
