import { test, expect, request as newRequest } from "@playwright/test";
import { apiSignIn, changeForcedPasswordInUi, createUserViaApi, server, uiSignIn, uniqueName } from "./support/session";

// The "done when" flow of the foundation, on both backends (see playwright.config.ts projects).
test("an admin creates operators through the API and the UI, and each operator signs in to an empty queue", async ({
  page,
  baseURL,
}, info) => {
  const { admin } = server(info);
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, admin);

  const viaApi = await createUserViaApi(adminApi, ["OPERATOR"]);
  const listed = await (await adminApi.get("/api/admin/users")).json();
  expect(listed.users.map((u: { username: string }) => u.username)).toContain(viaApi.username);

  await uiSignIn(page, admin);
  await expect(page).toHaveURL(/\/admin$/);
  const viaUi = { username: uniqueName("op"), password: "ui-created-password-1" };
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("New username").fill(viaUi.username);
  await form.getByLabel("Initial password").fill(viaUi.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`User ${viaUi.username} created.`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${viaUi.username}`)).toContainText("Operator");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Outside demo mode the operator created in the UI first replaces the password the admin chose
  // (createUserViaApi has done that for the other one through the API).
  if (info.project.name === "postgresql") viaUi.password = await changeForcedPasswordInUi(page, viaUi);

  for (const op of [viaApi, viaUi]) {
    await uiSignIn(page, op);
    await expect(page).toHaveURL(/\/queue$/);
    await expect(page.getByRole("heading", { name: "My queue" })).toBeVisible();
    await expect(page.getByTestId("queue-empty")).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText(op.username);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
  }
  await adminApi.dispose();
});
