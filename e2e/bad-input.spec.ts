import { test, expect, request as newRequest } from "@playwright/test";
import { apiSignIn, createUserViaApi, server, uniqueName } from "./support/session";

test("bad input gets 400 or 409 naming the field, and nothing is half-written", async ({ baseURL }, info) => {
  const api = await newRequest.newContext({ baseURL });
  await apiSignIn(api, server(info).admin);
  const count = async () => (await (await api.get("/api/admin/users")).json()).users.length;
  const auditCount = async () => (await (await api.get("/api/admin/audit?action=user.&limit=500")).json()).events.length;
  const before = { users: await count(), audit: await auditCount() };

  const malformed = await api.post("/api/admin/users", {
    headers: { "content-type": "application/json" },
    data: Buffer.from('{"username": "x",'),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatch(/not valid JSON/);

  const good = { username: uniqueName("op"), password: "a-long-enough-password", roles: ["OPERATOR"] };
  const unknown = await api.post("/api/admin/users", { data: { ...good, isRoot: true } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).fields).toEqual([{ field: "isRoot", message: "is not a known field" }]);

  const long = await api.post("/api/admin/users", { data: { ...good, username: "u".repeat(65) } });
  expect(long.status()).toBe(400);
  expect((await long.json()).error).toMatch(/username: must be at most 64 characters/);

  const badRole = await api.post("/api/admin/users", { data: { ...good, roles: ["ROOT"] } });
  expect(badRole.status()).toBe(400);
  expect((await badRole.json()).error).toMatch(/roles\.0/);

  const shortPw = await api.post("/api/admin/users", { data: { ...good, password: "short" } });
  expect(shortPw.status()).toBe(400);
  expect((await shortPw.json()).error).toMatch(/password: must be at least 12 characters/);

  expect(await count()).toBe(before.users);
  expect(await auditCount()).toBe(before.audit);

  const existing = await createUserViaApi(api, ["OPERATOR"]);
  const dup = await api.post("/api/admin/users", { data: { ...good, username: existing.username.toUpperCase() } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).field).toBe("username");
  expect(await count()).toBe(before.users + 1);

  const patchUnknown = await api.patch(`/api/admin/users/${existing.id}`, { data: { roles: ["OPERATOR"], superuser: true } });
  expect(patchUnknown.status()).toBe(400);
  const after = await (await api.get(`/api/admin/users/${existing.id}`)).json();
  expect(after.roles).toEqual(["OPERATOR"]);
  await api.dispose();
});
