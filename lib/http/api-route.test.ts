import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/load-user";
import type { Database } from "@/lib/db/open-database";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { createApiRoute, MAX_BODY } from "./api-route";
import { operation } from "./operation";
import { Writable } from "node:stream";
import { createLogger } from "@/lib/log/logger";

const USER = { id: "u1", username: "officer1", roles: ["OPERATOR"], permissions: ["queue.own", "cases.review"] } as unknown as SessionUser;
const DB = { prisma: {} } as unknown as Database;

function gate(user: SessionUser | null = USER) {
  return createApiRoute({ ready: async () => DB, getCurrentUser: async () => user, logger: createLogger({ level: "silent" }) });
}

const ok = async () => new Response("ok");
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const post = (body: string) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json" } });
const get = (query = "") => new Request(`http://localhost/api/x${query}`);

async function answer(res: Response) {
  return {
    status: res.status,
    body: (await res.json()) as { error: string; fields?: { field: string; message: string }[]; field?: string },
  };
}

const signedIn = operation({ method: "GET", path: "/api/x", permission: "signedIn", summary: "x", response: { status: 200 } });
const needsUsers = operation({ method: "GET", path: "/api/x", permission: "users.manage", summary: "x", response: { status: 200 } });
const withBody = operation({
  method: "POST",
  path: "/api/x",
  permission: "signedIn",
  summary: "x",
  body: z.strictObject({ name: z.string().min(2) }),
  response: { status: 200 },
});

describe("apiRoute", () => {
  it("answers 401 without a session", async () => {
    const r = await answer(await gate(null)(signedIn, ok)(get(), ctx()));
    assert.deepEqual(r, { status: 401, body: { error: "sign in first" } });
  });

  it("answers 403 naming the permission the user lacks", async () => {
    const r = await answer(await gate()(needsUsers, ok)(get(), ctx()));
    assert.deepEqual(r, { status: 403, body: { error: "not allowed: needs permission users.manage" } });
  });

  it("lets a public operation through without asking for the session", async () => {
    let asked = false;
    const route = createApiRoute({
      ready: async () => DB,
      getCurrentUser: async () => {
        asked = true;
        return null;
      },
    });
    const op = operation({ method: "GET", path: "/api/x", permission: "public", summary: "x", response: { status: 200 } });
    const res = await route(op, async ({ user }) => new Response(String(user)))(get(), ctx());
    assert.equal(res.status, 200);
    assert.equal(await res.text(), "null");
    assert.equal(asked, false);
  });

  it("hands the handler the user, the parsed body, params and query", async () => {
    const op = operation({
      method: "POST",
      path: "/api/x/{id}",
      permission: "cases.review",
      summary: "x",
      body: z.strictObject({ n: z.number() }),
      params: z.object({ id: z.uuid() }),
      query: z.object({ limit: z.coerce.number().default(5) }),
      response: { status: 200 },
    });
    const id = "00000000-0000-4000-8000-000000000000";
    const res = await gate()(op, async ({ db, user, body, params, query }) =>
      Response.json({ same: db === DB, user: user.username, n: body.n, id: params.id, limit: query.limit }),
    )(
      new Request("http://localhost/api/x?limit=7", { method: "POST", body: '{"n":3}', headers: { "content-type": "application/json" } }),
      ctx({ id }),
    );
    assert.deepEqual(await res.json(), { same: true, user: "officer1", n: 3, id, limit: 7 });
  });

  it("answers 413 for a body larger than the limit", async () => {
    const r = await answer(await gate()(withBody, ok)(post(`"${"x".repeat(MAX_BODY)}"`), ctx()));
    assert.equal(r.status, 413);
    assert.match(r.body.error, /larger than/);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const r = await answer(await gate()(withBody, ok)(post("{name:"), ctx()));
    assert.deepEqual(r, { status: 400, body: { error: "request body is not valid JSON" } });
  });

  it("answers 400 naming the invalid field", async () => {
    const r = await answer(await gate()(withBody, ok)(post('{"name":"a"}'), ctx()));
    assert.equal(r.status, 400);
    assert.match(r.body.error, /^invalid request: name: /);
    assert.deepEqual(
      r.body.fields?.map((f) => f.field),
      ["name"],
    );
  });

  it("refuses an unknown field when the schema is strict", async () => {
    const r = await answer(await gate()(withBody, ok)(post('{"name":"ab","admin":true}'), ctx()));
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.fields, [{ field: "admin", message: "is not a known field" }]);
  });

  it("answers 400 naming the invalid query parameter", async () => {
    const op = operation({
      method: "GET",
      path: "/api/x",
      permission: "signedIn",
      summary: "x",
      query: z.object({ limit: z.coerce.number().int().max(10) }),
      response: { status: 200 },
    });
    const r = await answer(await gate()(op, ok)(get("?limit=99"), ctx()));
    assert.equal(r.status, 400);
    assert.match(r.body.error, /^invalid query: limit: /);
  });

  it("answers 404 when the path params do not fit", async () => {
    const op = operation({
      method: "GET",
      path: "/api/x/{id}",
      permission: "signedIn",
      summary: "x",
      params: z.object({ id: z.uuid() }),
      response: { status: 200 },
    });
    const r = await answer(await gate()(op, ok)(get(), ctx({ id: "not-a-uuid" })));
    assert.deepEqual(r, { status: 404, body: { error: "not found" } });
  });

  const statusOf: [DomainErrorCode, number][] = [
    ["invalid", 400],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["unavailable", 503],
  ];
  for (const [code, status] of statusOf) {
    it(`maps DomainError ${code} to ${status}`, async () => {
      const r = await answer(
        await gate()(signedIn, async () => {
          throw new DomainError(code, `it is ${code}`);
        })(get(), ctx()),
      );
      assert.deepEqual(r, { status, body: { error: `it is ${code}` } });
    });
  }

  it("answers 403 password_change_required to a user who must change the password an admin set, except for the change itself", async () => {
    const forced = { ...USER, mustChangePassword: true } as SessionUser;
    const r = await answer(await gate(forced)(signedIn, ok)(get(), ctx()));
    assert.equal(r.status, 403);
    assert.equal((r.body as { code?: string }).code, "password_change_required");
    const change = operation({ ...withBody, duringPasswordChange: true });
    const res = await gate(forced)(change, ok)(post(JSON.stringify({ name: "abc" })), ctx());
    assert.equal(res.status, 200);
  });

  it("keeps the field of a DomainError", async () => {
    const r = await answer(
      await gate()(signedIn, async () => {
        throw new DomainError("invalid", "too short", "reason");
      })(get(), ctx()),
    );
    assert.deepEqual(r, { status: 400, body: { error: "too short", field: "reason" } });
  });

  it("maps Prisma P2002 to 409 naming the field", async () => {
    const r = await answer(
      await gate()(signedIn, async () => {
        throw Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { target: ["username"] } });
      })(get(), ctx()),
    );
    assert.deepEqual(r, { status: 409, body: { error: "username is already taken", field: "username" } });
  });

  it("answers 500 'internal error' for anything else, without the message", async () => {
    const res = await gate()(signedIn, async () => {
      throw new Error("secret detail of RID 1234");
    })(get(), ctx());
    const text = await res.text();
    assert.equal(res.status, 500);
    assert.deepEqual(JSON.parse(text), { error: "internal error" });
    assert.doesNotMatch(text, /secret/);
  });

  it("sends Cache-Control: no-store on its own answers", async () => {
    const res = await gate(null)(signedIn, ok)(get(), ctx());
    assert.equal(res.headers.get("cache-control"), "no-store");
  });

  it("refuses to serve an operation marked as handled elsewhere", () => {
    const op = operation({ ...signedIn, handledBy: "next-auth" });
    assert.throws(() => gate()(op, ok), /served by next-auth/);
  });

  it("refuses a state change from another site before looking at the session", async () => {
    let asked = false;
    const route = createApiRoute({
      ready: async () => DB,
      getCurrentUser: async () => {
        asked = true;
        return USER;
      },
    });
    const formPost = new Request("http://mas.example/api/x", {
      method: "POST",
      body: "name=abc",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    const r = await answer(await route(withBody, ok)(formPost, ctx()));
    assert.equal(r.status, 403);
    assert.match(r.body.error, /cross-site request refused/);
    assert.equal(asked, false);
  });

  it("answers 415 for a state change that is not JSON, with or without a body", async () => {
    const form = new Request("http://localhost/api/x", {
      method: "POST",
      body: '{"name":"abc"}',
      headers: { "content-type": "text/plain" },
    });
    assert.equal((await gate()(withBody, ok)(form, ctx())).status, 415);
    const bare = operation({ method: "POST", path: "/api/x", permission: "signedIn", summary: "x", response: { status: 200 } });
    assert.equal((await gate()(bare, ok)(new Request("http://localhost/api/x", { method: "POST" }), ctx())).status, 415);
    const json = new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" } });
    assert.equal((await gate()(bare, ok)(json, ctx())).status, 200);
  });

  it("echoes a well-formed X-Request-Id, makes one otherwise, and logs each request under it", async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _e, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const route = createApiRoute({ ready: async () => DB, getCurrentUser: async () => USER, logger: createLogger({ destination }) });
    const given = await route(signedIn, ok)(
      new Request("http://localhost/api/x", { headers: { "x-request-id": "trace-0001-abcd" } }),
      ctx(),
    );
    assert.equal(given.headers.get("x-request-id"), "trace-0001-abcd");
    const made = await route(signedIn, ok)(new Request("http://localhost/api/x", { headers: { "x-request-id": "bad id\n" } }), ctx());
    assert.match(made.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
    const line = JSON.parse(lines[0]);
    assert.equal(line.requestId, "trace-0001-abcd");
    assert.equal(line.status, 200);
    assert.equal(line.route, "GET /api/x");
  });

  it("logs a failure with its request id but without the path, the body or the error's later lines", async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _e, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const route = createApiRoute({ ready: async () => DB, getCurrentUser: async () => USER, logger: createLogger({ destination }) });
    const failing = async () => {
      throw new Error("query failed\nparameters: 10001100010000120250101000000");
    };
    const req = new Request("http://localhost/api/cases/9f1c0d3e-0000-4000-8000-000000000001?rid=10001100010000120250101000000", {
      method: "POST",
      body: '{"name":"Alice Example"}',
      headers: { "content-type": "application/json" },
    });
    const res = await route(withBody, failing)(req, ctx());
    assert.equal(res.status, 500);
    const all = lines.join("\n");
    assert.ok(
      lines.some((l) => JSON.parse(l).err?.message === "query failed"),
      all,
    );
    for (const secret of ["10001100010000120250101000000", "9f1c0d3e", "Alice Example"]) assert.ok(!all.includes(secret), all);
  });

  it("a process without the web role answers only its probes and metrics", async () => {
    const route = createApiRoute({
      ready: async () => DB,
      getCurrentUser: async () => USER,
      servesWeb: () => false,
      logger: createLogger({ level: "silent" }),
    });
    const r = await answer(await route(signedIn, ok)(get(), ctx()));
    assert.deepEqual(r, { status: 404, body: { error: "not served here: this process does not have the web role" } });
    const { operations } = await import("./operations");
    const probe = await route(operations.healthReady, ok)(new Request("http://localhost/api/health/ready"), ctx());
    assert.equal(probe.status, 200);
  });
});
