import { test, expect, request as newRequest, type Browser } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { apiSignIn, server } from "./support/session";
import { PG_URL } from "./support/ports";
import { servers, type IdpAccount } from "./support/servers";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// Signs in through the test's own OpenID Connect provider (e2e/support/oidc-provider.mjs, started by
// global-setup.ts): the MAS's button, the provider's login and consent pages, the code flow with PKCE.

function setIdpRoles(login: string, roles: string[] | undefined): void {
  const { accountsFile } = servers().oidc;
  const accounts: Record<string, IdpAccount> = JSON.parse(readFileSync(accountsFile, "utf8"));
  accounts[login] = { ...accounts[login], roles };
  writeFileSync(accountsFile, JSON.stringify(accounts, null, 2));
}

/** A fresh browser context per sign-in, so the provider's own session cannot skip its pages. */
async function idpSignIn(browser: Browser, baseURL: string, login: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in with ${servers().oidc.name}` }).click();
  // The provider's login page, then its consent page.
  await expect(page).toHaveURL(new RegExp(`^${servers().oidc.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/`));
  return { context, page };
}

async function sessionOf(page: import("@playwright/test").Page) {
  return (await (await page.request.get("/api/auth/session")).json()).user as
    | { id: string; username: string; roles: string[]; permissions: string[] }
    | undefined;
}

test("the test IdP is real and strict: an authorization request without PKCE is refused", async ({ request }) => {
  const { issuer } = servers().oidc;
  const discovery = await (await request.get(`${issuer}/.well-known/openid-configuration`)).json();
  expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
  const res = await request.get(`${discovery.authorization_endpoint}`, {
    params: {
      client_id: "mas-e2e",
      response_type: "code",
      scope: "openid",
      redirect_uri: `${PG_URL}/api/auth/callback/oidc`,
      state: "s",
    },
    maxRedirects: 0,
  });
  const back = new URL(res.headers().location ?? "", "http://x");
  expect(back.searchParams.get("error")).toBe("invalid_request");
  expect(back.searchParams.get("error_description")).toContain("requires PKCE");
});

test("an IdP user named like the local admin signs in as their own account, not as the admin", async ({ browser, baseURL }, info) => {
  const admin = server(info).admin;
  const adminApi = await newRequest.newContext({ baseURL });
  await apiSignIn(adminApi, admin);
  const localAdminId = (await (await adminApi.get("/api/auth/session")).json()).user.id;

  const { context, page } = await idpSignIn(browser, baseURL!, admin.username);
  const user = await sessionOf(page);
  expect(user?.id).toBeTruthy();
  expect(user?.id).not.toBe(localAdminId);
  expect(user?.username).toMatch(new RegExp(`^${admin.username}-oidc-[0-9a-f]{8}$`));
  expect(user?.roles).toEqual(["OPERATOR"]);
  await expect(page).toHaveURL(/\/queue$/);

  // No admin pages, no admin API.
  await page.goto("/admin");
  await expect(page.getByTestId("not-allowed")).toBeVisible();
  expect((await page.request.get("/api/admin/users")).status()).toBe(403);

  // The local admin is still the admin, with the password, and the IdP account is listed as OIDC.
  const list = (await (await adminApi.get("/api/admin/users")).json()).users as { id: string; authSource: string; roles: string[] }[];
  expect(list.find((u) => u.id === localAdminId)).toMatchObject({ authSource: "LOCAL", roles: ["ADMIN"] });
  expect(list.find((u) => u.id === user?.id)).toMatchObject({ authSource: "OIDC", roles: ["OPERATOR"] });
  await context.close();
  await adminApi.dispose();
});

test("roles come from the IdP's claim and follow it at the next sign-in", async ({ browser, baseURL }) => {
  setIdpRoles("rotating", ["OPERATOR", "SUPERVISOR"]);
  const first = await idpSignIn(browser, baseURL!, "rotating");
  const before = await sessionOf(first.page);
  expect(before?.username).toBe("rotating");
  expect(before?.roles.slice().sort()).toEqual(["OPERATOR", "SUPERVISOR"]);
  await first.context.close();

  setIdpRoles("rotating", ["SUPERVISOR"]);
  const second = await idpSignIn(browser, baseURL!, "rotating");
  const after = await sessionOf(second.page);
  expect(after?.id).toBe(before?.id);
  expect(after?.roles).toEqual(["SUPERVISOR"]);
  await second.context.close();
});

test("an IdP user with no MAS role left is refused with a message", async ({ browser, baseURL }) => {
  setIdpRoles("rotating", undefined);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in with ${servers().oidc.name}` }).click();
  await page.locator('input[name="login"]').fill("rotating");
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/signin\?error=norole/);
  await expect(page.getByTestId("signin-error")).toContainText("holds no MAS role");
  expect(await sessionOf(page)).toBeUndefined();
  await context.close();
  setIdpRoles("rotating", ["OPERATOR"]);
});
