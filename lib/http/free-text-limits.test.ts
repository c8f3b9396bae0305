import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SessionUser } from "@/lib/auth/load-user";
import type { Database } from "@/lib/db/open-database";
import { createApiRoute } from "./api-route";
import { operations } from "./operations";
import type { Operation } from "./operation";

// Every free-text field of the API has a length limit the gate enforces with a 400 naming the field, before any
// handler (and so before the database or the audit log) sees the text.
const ADMIN = { id: "u1", username: "root", permissions: ["users.manage", "cases.reassign", "cases.viewAll"] } as unknown as SessionUser;
const gate = createApiRoute({
  ready: async () => ({ prisma: {} }) as unknown as Database,
  getCurrentUser: async () => ({ ...ADMIN, permissions: ["*"] }) as never,
});
const id = "00000000-0000-4000-8000-000000000001";

async function post(op: Operation, body: unknown, params: Record<string, string> = {}) {
  const everyone = { ...op, permission: "signedIn" as const };
  let reached = false;
  const res = await gate(everyone, async () => {
    reached = true;
    return new Response("{}");
  })(
    new Request("http://localhost/api/x", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, reached, body: reached ? null : ((await res.json()) as { error: string }) };
}

const long = (n: number) => "x".repeat(n + 1);

describe("free-text limits", () => {
  it("a decision comment is at most 2000 characters", async () => {
    const r = await post(operations.recordDecision, { cannotAdjudicate: true, comment: long(2000) }, { id });
    assert.equal(r.status, 400);
    assert.match(r.body?.error ?? "", /comment: must be at most 2000 characters/);
    assert.equal((await post(operations.recordDecision, { cannotAdjudicate: true, comment: "x".repeat(2000) }, { id })).reached, true);
  });

  for (const [name, op, body] of [
    ["a reassignment reason", operations.reassignCase, { level: "PRIMARY", userId: id }],
    ["a release reason", operations.releaseCase, {}],
    ["a bulk reassignment reason", operations.bulkReassign, { caseIds: [id], userId: id }],
  ] as const) {
    it(`${name} is at most 500 characters`, async () => {
      const r = await post(op as Operation, { ...body, reason: long(500) }, { id });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.match(r.body?.error ?? "", /reason: must be at most 500 characters/);
      assert.equal((await post(op as Operation, { ...body, reason: "x".repeat(500) }, { id })).reached, true);
    });
  }

  it("a user's display name is at most 128 characters", async () => {
    const r = await post(operations.createUser, {
      username: "someone",
      password: "long-enough-password",
      roles: ["OPERATOR"],
      displayName: long(128),
    });
    assert.equal(r.status, 400);
    assert.match(r.body?.error ?? "", /displayName: must be at most 128 characters/);
  });
});
