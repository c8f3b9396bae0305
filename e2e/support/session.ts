import { expect, request as newRequest, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { servers, type Credentials, type ServerInfo } from "./servers";

export function server(info: TestInfo): ServerInfo {
  return servers()[info.project.name as "postgresql" | "embedded"];
}

/** Signs in through next-auth's credentials callback, as curl would; the cookie lands in the request context. */
export async function apiSignIn(request: APIRequestContext, c: Credentials): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: c.username, password: c.password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.user?.username, `signed in as ${c.username}`).toBe(c.username);
}

/** Fills and sends the sign-in form, as a person would, without assuming the outcome. */
export async function uiSignInAttempt(page: Page, c: Credentials, path = "/signin"): Promise<void> {
  await page.goto(path);
  await fillSignInForm(page, c);
}

/**
 * Fills and sends the sign-in form on the page as it is. Scoped to that form: a page that is not the sign-in page
 * (a session still alive sends /signin on to the user's work, and the admin's page has its own Username and
 * Password fields) fails here at once, saying so, instead of typing into another form and waiting for a button.
 */
async function fillSignInForm(page: Page, c: Credentials): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  await expect(form, `the sign-in form at ${page.url()}`).toBeVisible();
  await form.getByLabel("Username").fill(c.username);
  await form.getByLabel("Password").fill(c.password);
  // exact: the postgresql server also shows "Sign in with …" for its OpenID Connect provider (outside the form).
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the form and waits until the app has moved on from the sign-in page. */
export async function uiSignIn(page: Page, c: Credentials): Promise<void> {
  await uiSignInAttempt(page, c);
  await expect(page).not.toHaveURL(/\/signin/);
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/**
 * Changes a password an admin set, as the user must before anything else (not in demo mode), through
 * POST /api/account/password in a context of its own; returns the new password.
 */
export async function changeOwnPasswordViaApi(baseURL: string, c: Credentials): Promise<string> {
  const api = await newRequest.newContext({ baseURL });
  try {
    await apiSignIn(api, c);
    const newPassword = `pw-${randomBytes(12).toString("base64url")}`;
    const res = await api.post("/api/account/password", { data: { currentPassword: c.password, newPassword } });
    expect(res.status(), await res.text()).toBe(200);
    return newPassword;
  } finally {
    await api.dispose();
  }
}

/**
 * Creates a user through the admin API with an admin's request context; returns their credentials and id.
 * Where the server makes the user change the admin-set password first, the user has already done it
 * (changeOwnPasswordViaApi): the credentials returned are the user's own, ready for any test.
 */
export async function createUserViaApi(
  adminRequest: APIRequestContext,
  roles: string[],
  extra: Record<string, unknown> = {},
): Promise<Credentials & { id: string }> {
  const username = uniqueName(roles[0]?.toLowerCase() ?? "user");
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const res = await adminRequest.post("/api/admin/users", { data: { username, password, roles, ...extra } });
  expect(res.status(), await res.text()).toBe(201);
  const created = await res.json();
  if (!created.mustChangePassword) return { username, password, id: created.id };
  return { username, password: await changeOwnPasswordViaApi(new URL(res.url()).origin, { username, password }), id: created.id };
}

/**
 * Signs in with a password an admin set and goes through the forced change on /account/password, as a person
 * would; returns the new password. Leaves the user signed out.
 */
export async function changeForcedPasswordInUi(page: Page, c: Credentials): Promise<string> {
  await uiSignIn(page, c);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByTestId("password-change-required")).toBeVisible();
  const newPassword = `pw-${randomBytes(12).toString("base64url")}`;
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(c.password);
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Repeat the new password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).not.toHaveURL(/\/account\/password$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  return newPassword;
}
