import { expect, type Page } from "@playwright/test";
import { EVENT_CEILING_MS } from "./patience";

/**
 * Waits until the case page is on screen and answers its keys. The server renders the page with its data, so it is
 * visible before React has hydrated it; a key pressed in between is lost (it is on a busy machine that this showed).
 */
export async function expectWorkbenchReady(page: Page): Promise<void> {
  await expect(page.getByTestId("workbench")).toHaveAttribute("data-interactive", "true", { timeout: EVENT_CEILING_MS });
}
