import { test } from "node:test";
import assert from "node:assert/strict";
import { createTokenSource, TokenError } from "./token-source";

function fakeEndpoint(answers: (() => Response)[]) {
  const bodies: string[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  }) as unknown as typeof fetch;
  return { fetchImpl, bodies };
}

const token =
  (t: string, expiresIn = 300) =>
  () =>
    Response.json({ access_token: t, expires_in: expiresIn });

test("client-credentials grant; the token is reused until shortly before it expires", async () => {
  let now = 0;
  const ep = fakeEndpoint([token("a", 300), token("b", 300)]);
  const src = createTokenSource(
    { tokenUrl: "http://kc/token", clientId: "mas", clientSecret: "s3" },
    { timeoutMs: 1000, now: () => now, fetchImpl: ep.fetchImpl },
  );
  assert.equal(await src.get(), "a");
  now = 269_000; // 300 s lifetime, refreshed 30 s early
  assert.equal(await src.get(), "a");
  now = 271_000;
  assert.equal(await src.get(), "b");
  assert.equal(ep.bodies.length, 2);
  assert.match(ep.bodies[0], /grant_type=client_credentials/);
  assert.match(ep.bodies[0], /client_id=mas/);
});

test("concurrent callers share one request; invalidate forces a new token only for the stale one", async () => {
  const ep = fakeEndpoint([token("a"), token("b")]);
  const src = createTokenSource(
    { tokenUrl: "http://kc/token", clientId: "mas", clientSecret: "s" },
    { timeoutMs: 1000, fetchImpl: ep.fetchImpl },
  );
  assert.deepEqual(await Promise.all([src.get(), src.get(), src.get()]), ["a", "a", "a"]);
  src.invalidate("old-token-someone-else-had");
  assert.equal(await src.get(), "a");
  src.invalidate("a");
  assert.equal(await src.get(), "b");
  assert.equal(ep.bodies.length, 2);
});

test("endpoint failures are TokenErrors without the secret", async () => {
  const ep = fakeEndpoint([() => new Response("nope", { status: 401 }), () => Response.json({ nothing: true })]);
  const src = createTokenSource(
    { tokenUrl: "http://kc/token", clientId: "mas", clientSecret: "hunter2" },
    { timeoutMs: 1000, fetchImpl: ep.fetchImpl },
  );
  await assert.rejects(src.get(), (e: Error) => e instanceof TokenError && /HTTP 401/.test(e.message) && !e.message.includes("hunter2"));
  await assert.rejects(src.get(), /without access_token/);
});
