import { test, expect, request as newRequest } from "@playwright/test";
import { apiSignIn, createUserViaApi, server, uiSignIn, uiSignInAttempt } from "./support/session";

test("repeated failed sign-ins lock the account until an admin unlocks it", async ({ page, baseURL }, info) => {
  const admin = await newRequest.newContext({ baseURL });
  await apiSignIn(admin, server(info).admin);
  const user = await createUserViaApi(admin, ["OPERATOR"]);

  for (let i = 0; i < 5; i++) {
    await uiSignInAttempt(page, { username: user.username, password: `wrong-${i}` });
    // A guesser learns nothing about the account, not even that it is now locked.
    await expect(page.getByTestId("signin-error")).toContainText("Wrong username or password.");
  }
  await uiSignInAttempt(page, user);
  await expect(page.getByTestId("signin-error")).toContainText("locked");
  await expect(page).toHaveURL(/\/signin/);

  const view = await (await admin.get(`/api/admin/users/${user.id}`)).json();
  expect(view.lockedUntil).not.toBeNull();
  const audit = await (await admin.get(`/api/admin/audit?action=account.locked&limit=50`)).json();
  expect(audit.events.some((e: { targetId: string }) => e.targetId === user.id)).toBe(true);

  expect((await admin.patch(`/api/admin/users/${user.id}`, { data: { unlock: true } })).status()).toBe(200);
  await uiSignIn(page, user);
  await expect(page).toHaveURL(/\/queue$/);
  await admin.dispose();
});
