import { test, expect, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { reviewTeam, assignReview } from "./support/review-team";
import { newReadyCases } from "./support/cases";
import { createUserViaApi } from "./support/session";
import { EVENT_CEILING_MS } from "./support/patience";
import { checkComparisonSheet } from "./support/comparison-sheet";

// The officer's flow, a supervisor's pages and an admin's pages in French and in Arabic. French comes from the
// browser's Accept-Language; Arabic is chosen in the header's language menu and kept as the officer's preference.
// Every page is kept as a screenshot at the two sizes of government offices' screens (.test-work/artifacts/i18n).

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const DIR = ".test-work/artifacts/i18n";

interface Language {
  code: "fra" | "ara";
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
    supervision: string;
    cases: string;
    users: string;
    settings: string;
  };
}

const LANGUAGES: Language[] = [
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
      supervision: "Supervision",
      cases: "Dossiers",
      users: "Utilisateurs",
      settings: "Paramètres d’arbitrage",
    },
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
      supervision: "الإشراف",
      cases: "الحالات",
      users: "المستخدمون",
      settings: "إعدادات البتّ",
    },
  },
];

async function shoot(page: Page, lang: Language, name: string): Promise<void> {
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

/** Signs in on the sign-in page, which speaks the browser's language (or the language cookie) before anyone signs in. */
async function signIn(page: Page, lang: Language, c: { username: string; password: string }): Promise<void> {
  await page.goto("/signin");
  if (lang.via === "browser") {
    await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
    await page.getByLabel(lang.words.username).fill(c.username);
    await page.getByLabel(lang.words.password, { exact: true }).fill(c.password);
    await page.getByRole("button", { name: lang.words.signIn, exact: true }).click();
  } else {
    await page.getByLabel("Username").fill(c.username);
    await page.getByLabel("Password", { exact: true }).fill(c.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  await expect(page).not.toHaveURL(/\/signin/);
  if (lang.via === "menu") {
    await page.getByTestId("language-menu").selectOption(lang.code);
    await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
  }
  await expect(page.locator("html")).toHaveAttribute("dir", lang.dir);
}

for (const lang of LANGUAGES) {
  test(`the officer's flow in ${lang.code}: queue, next case, compare, decide, confirm`, async ({ browser, baseURL }, info) => {
    const t = await reviewTeam(baseURL!, info);
    const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
    await assignReview(t.sup, c.id, "PRIMARY", t.a.id);

    const page = await newPage(browser, baseURL!, lang);
    if (lang.via === "browser") await shoot(page, lang, "signin").catch(() => undefined);
    await signIn(page, lang, t.a);
    await page.goto("/queue");
    await expect(page.getByRole("heading", { name: lang.words.queue })).toBeVisible();
    await expect(page.getByTestId("queue-table")).toBeVisible({ timeout: EVENT_CEILING_MS });
    await shoot(page, lang, "queue");

    await page.getByRole("button", { name: lang.words.next }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${c.id}`));
    await expect(page.getByTestId("workbench")).toBeVisible({ timeout: EVENT_CEILING_MS });
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
    await shoot(page, lang, "case");
    await checkComparisonSheet(page, lang.code);

    // Compare: the right thumb stays the right thumb in every language.
    await page.locator('[data-testid=biometric-grid] [data-slot="RIGHT_THUMB"] button').first().click();
    const viewer = page.getByRole("dialog", { name: lang.words.compare });
    await expect(viewer).toBeVisible();
    await shoot(page, lang, "compare");
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
    await shoot(page, lang, "confirm");
    await dialog.getByRole("button", { name: lang.words.send }).click();
    await page.waitForURL((u) => !u.pathname.startsWith(`/cases/${c.id}`));

    // The preference is the officer's: a new page keeps it (for Arabic, chosen in the menu over an English browser).
    await page.goto("/account/password");
    await expect(page.locator("html")).toHaveAttribute("lang", lang.tag);
    await shoot(page, lang, "account-password");
  });

  test(`a supervisor's and an admin's pages in ${lang.code}`, async ({ browser, baseURL }, info) => {
    const t = await reviewTeam(baseURL!, info);
    const sup = await newPage(browser, baseURL!, lang);
    await signIn(sup, lang, t.supUser);
    await sup.goto("/supervision");
    await expect(sup.getByRole("heading", { name: lang.words.supervision, level: 1 })).toBeVisible();
    await expect(sup.getByTestId("supervision-dashboard")).toBeVisible({ timeout: EVENT_CEILING_MS });
    await shoot(sup, lang, "supervision");
    await sup.goto("/supervision/cases");
    await expect(sup.getByRole("heading", { name: lang.words.cases, level: 1 })).toBeVisible();
    await expect(sup.getByTestId("cases-table")).toBeVisible({ timeout: EVENT_CEILING_MS });
    await shoot(sup, lang, "supervision-cases");

    // An admin of its own: the language chosen in the menu stays with the account, and other specs use the first admin.
    const admin = await newPage(browser, baseURL!, lang);
    await signIn(admin, lang, await createUserViaApi(t.admin, ["ADMIN"]));
    await admin.goto("/admin");
    await expect(admin.getByRole("heading", { name: lang.words.users, level: 1 })).toBeVisible();
    await expect(admin.getByTestId("users-table")).toBeVisible({ timeout: EVENT_CEILING_MS });
    await shoot(admin, lang, "admin-users");
    await admin.goto("/admin/settings");
    await expect(admin.getByRole("heading", { name: lang.words.settings, level: 1 })).toBeVisible();
    await shoot(admin, lang, "admin-settings");
    for (const path of ["/admin/roles", "/admin/audit", "/admin/integration", "/admin/simulator", `/admin/users/${t.a.id}`]) {
      await admin.goto(path);
      await expect(admin.locator("main")).toBeVisible();
      await shoot(
        admin,
        lang,
        `admin-${path
          .split("/")
          .slice(2)
          .join("-")
          .replace(/[^a-z0-9-]/gi, "")
          .slice(0, 20)}`,
      );
    }
  });
}
