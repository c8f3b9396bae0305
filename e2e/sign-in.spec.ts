import { test, expect, request as newRequest } from "@playwright/test";
import { apiSignIn, createUserViaApi, server, uiSignIn, uiSignInAttempt } from "./support/session";

const LANDING: Record<string, RegExp> = { OPERATOR: /\/queue$/, SUPERVISOR: /\/queue$/, ADMIN: /\/admin$/ };

for (const role of ["OPERATOR", "SUPERVISOR", "ADMIN"]) {
  test(`a ${role.toLowerCase()} signs in with the form and lands on their work`, async ({ page, baseURL }, info) => {
    const adminApi = await newRequest.newContext({ baseURL });
    await apiSignIn(adminApi, server(info).admin);
    const user = await createUserViaApi(adminApi, [role]);
    await uiSignIn(page, user);
    await expect(page).toHaveURL(LANDING[role]);
    await expect(page.getByTestId("current-user")).toContainText(user.username);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user.username).toBe(user.username);
    expect(session.user.roles).toEqual([role]);
    await adminApi.dispose();
  });
}

test("a wrong password is refused with a message and no session", async ({ page }, info) => {
  await uiSignInAttempt(page, { username: server(info).admin.username, password: "not-the-password" });
  await expect(page.getByTestId("signin-error")).toContainText("Wrong username or password.");
  await expect(page).toHaveURL(/\/signin/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toBeUndefined();
});

test("pages need a session: signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  const res = await page.request.get("/api/admin/users");
  expect(res.status()).toBe(401);
});
