import { test, expect, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { reviewTeam, assignReview, type ReviewTeam } from "./support/review-team";
import { newReadyCases } from "./support/cases";
import { createUserViaApi } from "./support/session";
import { EVENT_CEILING_MS } from "./support/patience";
import { AxeTour } from "./support/axe";
import { checkComparisonSheet } from "./support/comparison-sheet";
import { expectWorkbenchReady } from "./support/workbench";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// The officer's flow in French and in Arabic, and every supervisor's and admin's page in English, French and Arabic
// (the officer's flow in English is e2e/keyboard.spec.ts, driven with the keyboard alone). French comes from the
// browser's Accept-Language; Arabic is chosen in the header's language menu and kept as the officer's preference.
// Every page is checked with axe against WCAG 2.1 A and AA (e2e/support/axe.ts) and kept as a screenshot at the two
// sizes of government offices' screens (.test-work/artifacts/i18n).

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const DIR = ".test-work/artifacts/i18n";

interface Language {
  code: "eng" | "fra" | "ara";
  tag: string;
  dir: "ltr" | "rtl";
  /** How this language reaches the app: the browser's Accept-Language, or the header's menu. */
  via: "browser" | "menu";
  words: {
    signIn: string;
    username: string;
    password: string;
    queue: string;
    next: string;
    notDuplicate: RegExp;
    review: RegExp;
    confirm: string;
    send: RegExp;
    noDuplicate: RegExp;
    compare: RegExp;
    close: string;
  };
  headings: { supervision: string; cases: string; users: string; settings: string };
}

const LANGUAGES: Language[] = [
  {
    code: "eng",
    tag: "en",
    dir: "ltr",
    via: "browser",
    words: {
      signIn: "Sign in",
      username: "Username",
      password: "Password",
      queue: "My queue",
      next: "Next case",
      notDuplicate: /^Not a duplicate/,
      review: /^Review and send/,
      confirm: "Confirm decision",
      send: /^Confirm and send/,
      noDuplicate: /Duplicate of no candidate/,
      compare: /^Compare Right thumb/,
      close: "Close",
    },
    headings: { supervision: "Supervision", cases: "Cases", users: "Users", settings: "Adjudication settings" },
  },
  {
    code: "fra",
    tag: "fr",
    dir: "ltr",
    via: "browser",
    words: {
      signIn: "Se connecter",
      username: "Nom d’utilisateur",
      password: "Mot de passe",
      queue: "Ma file de dossiers",
      next: "Dossier suivant",
      notDuplicate: /^Pas un doublon/,
      review: /^Vérifier et envoyer/,
      confirm: "Confirmer la décision",
      send: /^Confirmer et envoyer/,
      noDuplicate: /Doublon d’aucun candidat/,
      compare: /^Comparer : Pouce droit/,
      close: "Fermer",
    },
    headings: { supervision: "Supervision", cases: "Dossiers", users: "Utilisateurs", settings: "Paramètres d’arbitrage" },
  },
  {
    code: "ara",
    tag: "ar",
    dir: "rtl",
    via: "menu",
    words: {
      signIn: "تسجيل الدخول",
      username: "اسم المستخدم",
      password: "كلمة المرور",
      queue: "قائمة حالاتي",
      next: "الحالة التالية",
      notDuplicate: /^غير مكرَّر/,
      review: /^المراجعة والإرسال/,
      confirm: "تأكيد القرار",
      send: /^التأكيد والإرسال/,
      noDuplicate: /غير مكرَّر لأي مرشح/,
      compare: /^مقارنة: الإبهام الأيمن/,
      close: "إغلاق",
    },
    headings: { supervision: "الإشراف", cases: "الحالات", users: "المستخدمون", settings: "إعدادات البتّ" },
  },
];

/**
 * The supervisor's and admin's pages, in the order they are visited. A new page is one line here: it is then
 * checked with axe and kept as a screenshot in every language. The page's h1 is always waited for; `ready` is a CSS
 * selector of what shows that its data has arrived, `heading` the h1 to expect in each language.
 */
interface TourStop {
  name: string;
  as: "supervisor" | "admin";
  path: (t: ReviewTeam) => string;
  ready?: string;
  heading?: keyof Language["headings"];
}
const TOUR: TourStop[] = [
  {
    name: "supervision",
    as: "supervisor",
    path: () => "/supervision",
    ready: "[data-testid=supervision-dashboard]",
    heading: "supervision",
  },
  { name: "supervision-cases", as: "supervisor", path: () => "/supervision/cases", ready: "[data-testid=cases-table]", heading: "cases" },
  { name: "quality-figures", as: "supervisor", path: () => "/supervision/quality", ready: "[data-testid=quality-figures]" },
  { name: "quality-samples", as: "supervisor", path: () => "/supervision/quality/samples", ready: "[data-testid=sample-queue]" },
  { name: "quality-settings", as: "supervisor", path: () => "/supervision/quality/settings", ready: "[data-testid=training-results]" },
  { name: "quality-report", as: "supervisor", path: () => "/supervision/quality/report", ready: "[data-testid=quality-report]" },
  { name: "not-allowed", as: "supervisor", path: () => "/admin/roles", ready: "[data-testid=not-allowed]" },
  { name: "admin-users", as: "admin", path: () => "/admin", ready: "[data-testid=users-table]", heading: "users" },
  { name: "admin-user-edit", as: "admin", path: (t) => `/admin/users/${t.a.id}`, ready: "main form" },
  { name: "admin-roles", as: "admin", path: () => "/admin/roles", ready: "main table" },
  { name: "admin-settings", as: "admin", path: () => "/admin/settings", ready: "main form", heading: "settings" },
  { name: "admin-audit", as: "admin", path: () => "/admin/audit", ready: "[data-testid=audit-table]" },
  { name: "admin-integration", as: "admin", path: () => "/admin/integration", ready: "[data-testid=integration-status]" },
  { name: "admin-simulator", as: "admin", path: () => "/admin/simulator", ready: "[data-testid=simulator-summary]" },
  { name: "account-password", as: "admin", path: () => "/account/password", ready: "main form" },
];

/** Checks the page with axe and keeps it as a screenshot at both sizes. */
async function visit(page: Page, lang: Language, name: string, axe: AxeTour): Promise<void> {
  await axe.scan(page, { page: name, language: lang.code });
  mkdirSync(DIR, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${DIR}/${lang.code}-${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(SIZES[0]);
}

/** A browser whose language is the test's (Accept-Language), or English for the language chosen in the menu. */
async function newPage(browser: Browser, baseURL: string, lang: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: lang.via === "browser" ? lang.tag : "en-US", viewport: SIZES[0] });
  return context.newPage();
}

/**
 * Signs in on the sign-in page, which speaks the browser's language (or the language cookie) before anyone signs in.
 * `menu`: where a language that comes from the menu is chosen, before signing in (the cookie) or after (the account).
 */
async function signIn(
  page: Page,
  lang: Language,
  c: { username: string; password: string },
  menu: "before" | "after" = "after",
): Promise<void> {
  await page.goto("/signin");
  const words = lang.via === "browser" || menu === "before" ? lang.words : LANGUAGES[0].words;
  if (lang.via === "menu" && menu === "before") {
    await page.getByTestId("language-menu").selectOption(lang.code);
    await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
  }
  if (words !== LANGUAGES[0].words) await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
  await page.getByLabel(words.username).fill(c.username);
  await page.getByLabel(words.password, { exact: true }).fill(c.password);
  await page.getByRole("button", { name: words.signIn, exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  if (lang.via === "menu" && menu === "after") {
    await page.getByTestId("language-menu").selectOption(lang.code);
    await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
  }
  await expect(page.locator("html")).toHaveAttribute("dir", lang.dir);
}

for (const lang of LANGUAGES.filter((l) => l.code !== "eng")) {
  test(`the officer's flow in ${lang.code}: queue, next case, compare, decide, confirm`, async ({ browser, baseURL }, info) => {
    const axe = new AxeTour();
    const t = await reviewTeam(baseURL!, info);
    const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
    await assignReview(t.sup, c.id, "PRIMARY", t.a.id);

    const page = await newPage(browser, baseURL!, lang);
    await signIn(page, lang, t.a);
    await page.goto("/queue");
    await expect(page.getByRole("heading", { name: lang.words.queue })).toBeVisible();
    await expect(page.getByTestId("queue-table")).toBeVisible({ timeout: EVENT_CEILING_MS });
    await visit(page, lang, "queue", axe);

    await page.getByRole("button", { name: lang.words.next }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${c.id}`));
    await expectWorkbenchReady(page);
    // Every thumbnail of applicant and first candidate painted before the screenshot.
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              [...document.querySelectorAll("[data-testid=biometric-grid] img")].filter((i) => (i as HTMLImageElement).naturalWidth > 0)
                .length,
          ),
        { timeout: EVENT_CEILING_MS },
      )
      .toBeGreaterThanOrEqual(20);
    await visit(page, lang, "case", axe);
    await checkComparisonSheet(page, lang.code);

    // Compare: the right thumb stays the right thumb in every language.
    await page.locator('[data-testid=biometric-grid] [data-slot="RIGHT_THUMB"] button').first().click();
    const viewer = page.getByRole("dialog", { name: lang.words.compare });
    await expect(viewer).toBeVisible();
    await visit(page, lang, "compare", axe);
    await viewer.getByRole("button", { name: lang.words.close }).click();
    await expect(viewer).toHaveCount(0);

    const tabs = page.getByRole("tab");
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await page.getByRole("radio", { name: lang.words.notDuplicate }).click();
    }
    await page.getByRole("button", { name: lang.words.review }).click();
    const dialog = page.getByRole("dialog", { name: lang.words.confirm });
    await expect(dialog.getByTestId("decision-summary")).toContainText(lang.words.noDuplicate);
    await visit(page, lang, "confirm", axe);
    await dialog.getByRole("button", { name: lang.words.send }).click();
    await page.waitForURL((u) => !u.pathname.startsWith(`/cases/${c.id}`));

    // The preference is the officer's: a new page keeps it (for Arabic, chosen in the menu over an English browser).
    await page.goto("/account/password");
    await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
    axe.check();
  });
}

for (const lang of LANGUAGES) {
  test(`the sign-in page, a supervisor's and an admin's pages in ${lang.code}`, async ({ browser, baseURL }, info) => {
    const axe = new AxeTour();
    const t = await reviewTeam(baseURL!, info);
    // Arabic is chosen on the sign-in page here (the cookie), so that the sign-in page is checked in it too.
    const sup = await newPage(browser, baseURL!, lang);
    await sup.goto("/signin");
    if (lang.via === "menu") {
      await sup.getByTestId("language-menu").selectOption(lang.code);
      await expect(sup.locator("html")).toHaveAttribute("lang", lang.tag);
    }
    await expect(sup.locator("html")).toHaveAttribute("lang", lang.tag);
    await expect(sup.getByRole("button", { name: lang.words.signIn, exact: true })).toBeVisible();
    await visit(sup, lang, "signin", axe);
    await signIn(sup, lang, t.supUser, "before");

    // An admin of its own: the language chosen in the menu stays with the account, and other specs use the first admin.
    const admin = await newPage(browser, baseURL!, lang);
    await signIn(admin, lang, await createUserViaApi(t.admin, ["ADMIN"]));

    for (const stop of TOUR) {
      const page = stop.as === "supervisor" ? sup : admin;
      await page.goto(stop.path(t));
      const h1 = page.getByRole("heading", { level: 1, ...(stop.heading && { name: lang.headings[stop.heading] }) });
      await expect(h1.first()).toBeVisible();
      if (stop.ready) await expect(page.locator(stop.ready).first()).toBeVisible({ timeout: EVENT_CEILING_MS });
      await page.waitForLoadState("networkidle");
      await visit(page, lang, stop.name, axe);
    }
    axe.check();
  });
}
