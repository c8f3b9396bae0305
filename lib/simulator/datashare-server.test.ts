import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { detectDatashareError } from "@/lib/mosip/datashare-envelope";
import { startDatashareServer, type DatashareServer } from "./datashare-server";

const PATH = "/v1/datashare/get/mpolicy-default-adjudication/mpartner-default-adjudication";
let server: DatashareServer;
let secured: DatashareServer;
const bodies: Record<string, string> = { a: "BODY-A", b: "BODY-B", c: "BODY-C", d: "BODY-D", e: "BODY-E" };
const resolve = async (key: string) => bodies[key] ?? null;

before(async () => {
  server = await startDatashareServer({ resolve });
  secured = await startDatashareServer({
    resolve,
    requireToken: true,
    clients: [{ clientId: "mas", clientSecret: "s3cret" }],
    tokenLifetimeSeconds: 60,
  });
});
after(async () => {
  await server.close();
  await secured.close();
});

async function get(s: DatashareServer, key: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}${PATH}/${key}`, { headers });
  return { status: res.status, text: await res.text(), signature: res.headers.get("signature") };
}

describe("datashare server", () => {
  it("serves a share on 127.0.0.1 with a Signature header and counts requests per share", async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await get(server, "a");
    assert.equal(r.status, 200);
    assert.equal(r.text, "BODY-A");
    assert.match(r.signature!, /^[\w-]+\.\.[\w-]+$/);
    await get(server, "a");
    assert.equal(server.requestCount("a"), 2);
    assert.equal(server.requestCount("b"), 0);
  });

  it("answers an unknown key, an expired and a missing share with MOSIP envelopes and HTTP 200", async () => {
    const unknown = await get(server, "nope");
    assert.equal(unknown.status, 200);
    assert.equal(detectDatashareError(unknown.text)?.errorCode, "DAT-SER-006");
    server.setShare("b", { expired: true });
    const expired = await get(server, "b");
    assert.deepEqual(
      [expired.status, detectDatashareError(expired.text)],
      [200, { errorCode: "DAT-SER-006", message: "Data share usage expired", category: "NOT_FOUND_OR_EXPIRED" }],
    );
    server.setShare("b", { missing: true });
    assert.equal(detectDatashareError((await get(server, "b")).text)?.errorCode, "DAT-SER-003");
    server.setShare("b", null);
    assert.equal((await get(server, "b")).text, "BODY-B");
  });

  it("fails N times with 503, then serves; global switches apply to every share", async () => {
    server.setShare("c", { failTimes: 2 });
    assert.equal((await get(server, "c")).status, 503);
    assert.equal((await get(server, "c")).status, 503);
    assert.equal((await get(server, "c")).text, "BODY-C");
    server.setGlobal({ expired: true });
    assert.equal(detectDatashareError((await get(server, "d")).text)?.errorCode, "DAT-SER-006");
    server.setGlobal({ slowMs: 150 });
    const t = Date.now();
    assert.equal((await get(server, "d")).text, "BODY-D");
    assert.ok(Date.now() - t >= 140);
    server.setGlobal({});
  });

  it("requires a client-credentials token when configured: KER-ATH-401 without, body with", async () => {
    const denied = await get(secured, "e");
    assert.equal(denied.status, 401);
    assert.equal(detectDatashareError(denied.text)?.errorCode, "KER-ATH-401");
    assert.equal((await get(secured, "e", { authorization: "Bearer forged" })).status, 401);

    const bad = await fetch(`${secured.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "mas", client_secret: "wrong" }),
    });
    assert.equal(bad.status, 401);
    const res = await fetch(`${secured.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "mas", client_secret: "s3cret" }),
    });
    const token = (await res.json()) as { access_token: string; expires_in: number; token_type: string };
    assert.deepEqual([token.token_type, token.expires_in], ["Bearer", 60]);
    assert.equal((await get(secured, "e", { authorization: `Bearer ${token.access_token}` })).text, "BODY-E");
    // MOSIP's kernel adapter reads the token from the Authorization cookie too.
    assert.equal((await get(secured, "e", { cookie: `Authorization=${token.access_token}` })).text, "BODY-E");
    secured.revokeTokens();
    assert.equal((await get(secured, "e", { authorization: `Bearer ${token.access_token}` })).status, 401);

    const mosip = await fetch(`${secured.url}/v1/authmanager/authenticate/clientidsecretkey`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: "string",
        version: "string",
        requesttime: new Date().toISOString(),
        metadata: {},
        request: { clientId: "mas", secretKey: "s3cret", appId: "regproc" },
      }),
    });
    const header = mosip.headers.get("authorization")!;
    assert.ok(header);
    assert.equal((await get(secured, "e", { authorization: `Bearer ${header}` })).text, "BODY-E");
    assert.equal(secured.tokensIssued(), 2);
  });
});
