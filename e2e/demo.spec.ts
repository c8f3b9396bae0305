import { test, expect } from "@playwright/test";
import { server, uiSignIn } from "./support/session";

test("the embedded default shows a demo banner and its demo admin can sign in", async ({ page, request }, info) => {
  const health = await (await request.get("/api/health")).json();
  expect(health.database).toEqual({ kind: "pglite", reachable: true });
  await page.goto("/signin");
  await expect(page.getByTestId("demo-banner")).toContainText("Demo");
  await uiSignIn(page, server(info).admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("users-table")).toContainText("operator1");
  await expect(page.getByTestId("demo-banner")).toBeVisible();
});
