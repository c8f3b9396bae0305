import { test, expect, request as newRequest } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { apiSignIn, createUserViaApi, server, uiSignIn, uniqueName } from "./support/session";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

test("a session dies after a password reset: the officer's next navigation lands on the sign-in page", async ({
  page,
  browser,
  baseURL,
}, info) => {
  const s = server(info);
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, s.admin);
  const officer = await createUserViaApi(adminApi, ["OPERATOR"]);

  await uiSignIn(page, officer);
  await expect(page).toHaveURL(/\/queue$/);

  // The admin, in a browser of their own, resets the officer's password.
  const adminBrowser = await browser.newContext({ baseURL });
  const adminPage = await adminBrowser.newPage();
  await uiSignIn(adminPage, s.admin);
  await adminPage.goto(`/admin/users/${officer.id}`);
  const reset = adminPage.getByRole("form", { name: "Reset password" });
  await reset.getByLabel("New password").fill(`reset-${randomBytes(9).toString("base64url")}`);
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(adminPage.getByText("Password reset.")).toBeVisible();

  await page.goto("/queue");
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/cases")).status(), "the API agrees: no session").toBe(401);
  await adminBrowser.close();
  await adminApi.dispose();
});

test("a password an admin set is changed first: the API answers 403 password_change_required, pages lead to the change", async ({
  page,
  baseURL,
}, info) => {
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, server(info).admin);
  const officer = { username: uniqueName("op"), password: `given-${randomBytes(9).toString("base64url")}` };
  expect((await adminApi.post("/api/admin/users", { data: { ...officer, roles: ["OPERATOR"] } })).status()).toBe(201);

  // An API client signed in with the given password may do nothing but change it.
  const other = await newRequest.newContext({ baseURL });
  await apiSignIn(other, officer);
  const refused = await other.get("/api/cases");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("password_change_required");

  await uiSignIn(page, officer);
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/account\/password$/);
  const form = page.getByRole("form", { name: "Change password" });
  const chosen = `mine-${randomBytes(9).toString("base64url")}`;
  await form.getByLabel("Current password").fill(officer.password);
  await form.getByLabel("New password", { exact: true }).fill(chosen);
  await form.getByLabel("Repeat the new password").fill(chosen);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/queue$/);

  // This browser's session goes on (re-issued); the API client's older session is over.
  await page.reload();
  await expect(page.getByRole("heading", { name: "My queue" })).toBeVisible();
  expect((await page.request.get("/api/cases")).status()).toBe(200);
  expect((await other.get("/api/cases")).status()).toBe(401);
  await other.dispose();
  await adminApi.dispose();
});

test("the admin's own account page offers no role checkboxes", async ({ page, baseURL }, info) => {
  const admin = server(info).admin;
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, admin);
  const { users } = await (await adminApi.get("/api/admin/users")).json();
  const me = users.find((u: { username: string }) => u.username === admin.username);
  await uiSignIn(page, admin);
  await page.goto(`/admin/users/${me.id}`);
  const form = page.getByRole("form", { name: "Edit user" });
  await expect(form.getByTestId("roles-readonly")).toContainText("Your own roles are changed by another admin");
  await expect(form.getByRole("checkbox", { name: "Admin" })).toHaveCount(0);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await adminApi.dispose();
});
