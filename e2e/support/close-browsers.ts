import { test } from "@playwright/test";

/**
 * Registers, for the calling spec, an afterEach that closes every browser context its test opened. The browser is
 * shared by the whole run, and a signed-in page left open keeps polling its queue or dashboard: by the last specs
 * eighteen of them were loading the server and the browser of every later test.
 */
export function closeBrowsersAfterEach(): void {
  test.afterEach(async ({ browser }) => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });
}
