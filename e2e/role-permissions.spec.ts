import { test, expect, request as newRequest } from "@playwright/test";
import { apiSignIn, createUserViaApi, server, uiSignIn } from "./support/session";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

test("granting a permission to a role in the console takes effect for a signed-in holder at once, and so does revoking it", async ({
  browser,
  page,
  baseURL,
}, info) => {
  const admin = server(info).admin;
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, admin);
  const op = await createUserViaApi(adminApi, ["OPERATOR"]);
  const opApi = await newRequest.newContext({ baseURL });
  await apiSignIn(opApi, op);
  expect((await opApi.get("/api/admin/audit")).status()).toBe(403);

  await uiSignIn(page, admin);
  await page.goto("/admin/roles");
  const box = page.getByRole("checkbox", { name: "OPERATOR audit.read" });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
  await expect.poll(async () => (await opApi.get("/api/admin/audit")).status()).toBe(200);

  const opPage = await (await browser.newContext({ baseURL })).newPage();
  await uiSignIn(opPage, op);
  await expect(opPage).toHaveURL(/\/queue$/);
  await opPage.goto("/admin/audit");
  await expect(opPage.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await box.uncheck();
  await expect(box).not.toBeChecked();
  await expect.poll(async () => (await opApi.get("/api/admin/audit")).status()).toBe(403);
  await opPage.reload();
  await expect(opPage.getByTestId("not-allowed")).toBeVisible();

  const events = (await (await adminApi.get("/api/admin/audit?action=role.permissions")).json()).events;
  expect(events[0]).toMatchObject({ actorUsername: admin.username, targetId: "OPERATOR", details: { added: [], removed: ["audit.read"] } });
  expect(events[1]).toMatchObject({ details: { added: ["audit.read"], removed: [] } });
  await opPage.context().close();
  await adminApi.dispose();
  await opApi.dispose();
});
