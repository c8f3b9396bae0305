import { expect, type Locator, type Page } from "@playwright/test";

/** What the focused element shows: how it is outlined, and whether it has a box at all. */
interface FocusLook {
  where: string;
  outline: string;
  shadow: string;
  visible: boolean;
}

async function focusLook(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? "";
    return {
      where: `<${el.tagName.toLowerCase()}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}> "${name}"`,
      outline: s.outlineStyle === "none" ? "" : `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`,
      shadow: s.boxShadow === "none" ? "" : s.boxShadow,
      visible: r.width > 0 && r.height > 0,
    };
  });
}

/**
 * Fails unless the element with keyboard focus shows it: an outline of at least 2 px (or a box shadow ring) on an
 * element that has a box on screen (WCAG 2.4.7). Called at every stop of a Tab walk.
 */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const look = await focusLook(page);
  expect(look, "an element has keyboard focus").not.toBeNull();
  const width = Number.parseFloat(look!.outline);
  expect(look!.visible && ((look!.outline !== "" && width >= 2) || look!.shadow !== ""), `focus is visible on ${look!.where}`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would, checking at every stop that focus is
 * visible. Fails, naming the stops it went through, if the target is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<number> {
  const stops: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const look = await focusLook(page);
    stops.push(look?.where ?? "(page)");
    if (look) await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return i;
  }
  throw new Error(
    `${target} not reached with ${max} presses of ${back ? "Shift+Tab" : "Tab"}; focus went through:\n  ${stops.join("\n  ")}`,
  );
}

/**
 * A modal dialog keeps focus: Tab and Shift+Tab, pressed more times than it has controls, never leave it, and every
 * stop shows its focus.
 */
export async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  const controls = await dialog.locator("button:not([disabled]), input:not([disabled]), select, textarea, a[href]").count();
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < controls + 2; i++) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus stays in the dialog after ${key} × ${i + 1}`).toBe(
        true,
      );
      await expectVisibleFocus(page);
    }
  }
}
