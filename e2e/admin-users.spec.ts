import { test, expect, request as newRequest } from "@playwright/test";
import { apiSignIn, createUserViaApi, server, uiSignIn } from "./support/session";

test("an admin changes roles and eligibility, deactivates, reactivates and resets a password; each is audited", async ({
  page,
  baseURL,
}, info) => {
  const admin = server(info).admin;
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, admin);
  const user = await createUserViaApi(adminApi, ["OPERATOR"]);

  await uiSignIn(page, admin);
  await page.goto(`/admin/users/${user.id}`);
  const form = page.getByRole("form", { name: "Edit user" });
  await form.getByLabel("Supervisor").check();
  await form.getByLabel("Secondary").uncheck();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const changed = await (await adminApi.get(`/api/admin/users/${user.id}`)).json();
  expect(changed.roles).toEqual(["OPERATOR", "SUPERVISOR"]);
  expect(changed.canPrimary).toBe(true);
  expect(changed.canSecondary).toBe(false);

  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  const opApi = await newRequest.newContext({ baseURL });
  const { csrfToken } = await (await opApi.get("/api/auth/csrf")).json();
  await opApi.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: user.username, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  expect((await (await opApi.get("/api/auth/session")).json()).user).toBeUndefined();

  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("button", { name: "Deactivate" })).toBeVisible();
  const reset = page.getByRole("form", { name: "Reset password" });
  await reset.getByLabel("New password").fill("a-brand-new-password");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText("Password reset.")).toBeVisible();
  await apiSignIn(opApi, { username: user.username, password: "a-brand-new-password" });

  await page.goto("/admin/audit");
  const table = page.getByTestId("audit-table");
  for (const action of ["user.resetPassword", "user.reactivate", "user.deactivate", "user.update", "user.create"]) {
    await expect(table.locator("tr", { hasText: action }).filter({ hasText: user.id }).first()).toContainText(admin.username);
  }
  await adminApi.dispose();
  await opApi.dispose();
});
