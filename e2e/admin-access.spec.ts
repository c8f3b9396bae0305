import { test, expect, request as newRequest, type APIRequestContext } from "@playwright/test";
import { apiSignIn, createUserViaApi, server, uiSignIn } from "./support/session";
import { DEFAULT_GRANTS, type Role } from "../lib/auth/permissions";

const PLACEHOLDER: Record<string, string> = { id: "00000000-0000-4000-8000-000000000000", role: "OPERATOR" };
const ADMIN_PAGES = ["/admin", "/admin/roles", "/admin/audit", "/admin/settings", `/admin/users/${PLACEHOLDER.id}`];

/**
 * Every operation that needs a permission, read from the OpenAPI document. The document is generated from the
 * operation registry (lib/http/operations), and a unit test ties that registry to the route files under app/api,
 * so a new route is covered by itself.
 */
async function guardedOperations(api: APIRequestContext): Promise<{ method: string; path: string; permission: string }[]> {
  const doc = await (await api.get("/api/openapi.json")).json();
  const ops: { method: string; path: string; permission: string }[] = [];
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
    for (const method of Object.keys(item).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))) {
      const permission = (item[method] as { "x-permission": string })["x-permission"];
      if (permission === "public" || permission === "signedIn") continue;
      ops.push({ method, path: path.replace(/\{(\w+)\}/g, (_m, p: string) => PLACEHOLDER[p]), permission });
    }
  }
  expect(ops.filter((o) => o.path.startsWith("/api/admin")).length).toBeGreaterThanOrEqual(8);
  return ops;
}

for (const role of ["OPERATOR", "SUPERVISOR"]) {
  test(`every API route needing a permission it lacks, and every admin page, refuses a ${role.toLowerCase()}`, async ({
    page,
    baseURL,
  }, info) => {
    const adminApi = await newRequest.newContext({ baseURL });
    await apiSignIn(adminApi, server(info).admin);
    const user = await createUserViaApi(adminApi, [role]);
    const api = await newRequest.newContext({ baseURL });
    await apiSignIn(api, user);
    // Supervisors hold integration.view by default: the read-only integration routes are theirs too.
    const granted: readonly string[] = DEFAULT_GRANTS[role as Role];
    for (const op of (await guardedOperations(api)).filter((o) => !granted.includes(o.permission))) {
      const res = await api.fetch(op.path, { method: op.method, data: op.method === "get" ? undefined : {} });
      expect(res.status(), `${op.method.toUpperCase()} ${op.path}`).toBe(403);
    }
    await uiSignIn(page, user);
    await expect(page).toHaveURL(/\/queue$/);
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByTestId("not-allowed"), path).toBeVisible();
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    await adminApi.dispose();
    await api.dispose();
  });
}

test("an admin is let through every admin API route", async ({ baseURL }, info) => {
  const api = await newRequest.newContext({ baseURL });
  await apiSignIn(api, server(info).admin);
  for (const op of (await guardedOperations(api)).filter((o) => o.path.startsWith("/api/admin"))) {
    const res = await api.fetch(op.path, { method: op.method, data: op.method === "get" ? undefined : {} });
    // A response's body (RIDs, comments) also needs cases.viewAll, which admins do not hold by default (docs/api.md).
    const needsViewAll = /^\/api\/admin\/integration\/outbox\/[^/]+\/body$/.test(op.path);
    expect(needsViewAll ? [403] : [200, 400, 404], `${op.method.toUpperCase()} ${op.path}`).toContain(res.status());
  }
  await api.dispose();
});
