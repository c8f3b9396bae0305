import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { apiSignIn, server, uiSignIn, uiSignInAttempt, uniqueName } from "./support/session";
import { closeBrowsersAfterEach } from "./support/close-browsers";

closeBrowsersAfterEach();

// A page on another port of the same host is "same-site": browsers send the MAS session cookie with its form
// posts (cookies do not tell ports apart). The text/plain form is the classic way to post JSON-looking bodies.
async function attackerPage(target: string, username: string): Promise<{ url: string; close: () => Promise<void> }> {
  const payload = JSON.stringify({ username, password: "Attacker-password-1234", roles: ["ADMIN"], displayName: "x" }).slice(0, -2);
  const html = `<!doctype html><form id="f" method="POST" action="${target}/api/admin/users" enctype="text/plain">
<input type="hidden" name='${payload}' value='"}'></form><script>document.getElementById("f").submit()</script>`;
  const srv: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((r) => srv.listen(0, "localhost", r));
  return { url: `http://localhost:${(srv.address() as AddressInfo).port}/`, close: () => new Promise((r) => srv.close(() => r())) };
}

test("a form posted to the API from another site is refused, even with the admin's session cookie", async ({ page, baseURL }, info) => {
  await uiSignIn(page, server(info).admin);
  const username = uniqueName("csrf");
  const attacker = await attackerPage(baseURL as string, username);
  try {
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/admin/users") && r.request().method() === "POST");
    await page.goto(attacker.url);
    const res = await answered;
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("cross-site request refused");
  } finally {
    await attacker.close();
  }
  const users = await (await page.request.get("/api/admin/users")).json();
  expect(users.users.map((u: { username: string }) => u.username)).not.toContain(username);
});

test("the sign-in page never sends an officer to another site after signing in", async ({ browser, baseURL }, info) => {
  for (const callback of ["/%5Cevil.example", "//evil.example", "https://evil.example/"]) {
    // A browser of its own per attempt: after clearing cookies on one page, a session once came back (a response
    // of the last sign-in still on its way, most likely) and /signin sent the admin on to their work.
    const context = await browser.newContext({ baseURL });
    try {
      const page = await context.newPage();
      await uiSignInAttempt(page, server(info).admin, `/signin?callbackUrl=${encodeURIComponent(callback)}`);
      await expect(page).not.toHaveURL(/\/signin/);
      expect(new URL(page.url()).origin, callback).toBe(new URL(baseURL as string).origin);
    } finally {
      await context.close();
    }
  }
});

test("API clients without browser headers keep working, as docs/api.md shows", async ({ playwright, baseURL }, info) => {
  const api = await playwright.request.newContext({ baseURL });
  await apiSignIn(api, server(info).admin);
  const res = await api.post("/api/admin/users", {
    data: { username: uniqueName("curl"), password: "Curl-password-1234", roles: ["OPERATOR"] },
  });
  expect(res.status()).toBe(201);
  const notJson = await api.post("/api/admin/users", { headers: { "content-type": "text/plain" }, data: "{}" });
  expect(notJson.status()).toBe(415);
  await api.dispose();
});

test("pages carry a nonce-based Content-Security-Policy and run under it without violations", async ({ page }, info) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await uiSignIn(page, server(info).admin);
  for (const path of ["/admin", "/admin/audit", "/admin/integration", "/supervision", "/supervision/cases", "/queue"]) {
    const res = await page.goto(path);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(res?.headers()["permissions-policy"], path).toContain("camera=()");
    await expect(page.getByTestId("current-user")).toBeVisible();
  }
  expect(violations).toEqual([]);
});
