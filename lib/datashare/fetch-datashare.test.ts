import { test } from "node:test";
import assert from "node:assert/strict";
import { fetchDatashare, MAX_REDIRECTS } from "./fetch-datashare";
import type { TokenSource } from "./token-source";

const ALLOWED = ["https://ds.example:443"];

function spies(answer: (url: string) => Response) {
  const calls: { url: string; authorization: string | undefined }[] = [];
  let tokens = 0;
  const token: TokenSource = {
    get: async () => `t${++tokens}`,
    invalidate: () => {},
  };
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, authorization: (init.headers as Record<string, string>).authorization });
    return answer(url);
  }) as unknown as typeof fetch;
  return { calls, token, fetchImpl, tokens: () => tokens };
}

test("a URL outside the allow-list at download time: nothing is fetched, not even the token", async () => {
  const s = spies(() => new Response("body"));
  const r = await fetchDatashare("https://evil.test/v1/datashare/get/p/s/KEY", {
    timeoutMs: 1000,
    maxBytes: 1000,
    allowedOrigins: ALLOWED,
    token: s.token,
    fetchImpl: s.fetchImpl,
  });
  assert.deepEqual(r, {
    ok: false,
    code: "ORIGIN_NOT_ALLOWED",
    message: "the datashare URL names https://evil.test:443, which is not in MOSIP_DATASHARE_ALLOWED_ORIGINS",
    permanent: true,
  });
  assert.equal(s.calls.length, 0);
  assert.equal(s.tokens(), 0);
});

test("redirects are followed by hand within the allowed origins only, and at most MAX_REDIRECTS times", async () => {
  const s = spies((url) =>
    url.endsWith("/final")
      ? new Response("share")
      : url.endsWith("/away")
        ? new Response(null, { status: 307, headers: { location: "https://evil.test/x" } })
        : new Response(null, { status: 302, headers: { location: url.endsWith("/a") ? "/final" : `${url}/loop` } }),
  );
  const opts = { timeoutMs: 1000, maxBytes: 1000, allowedOrigins: ALLOWED, token: s.token, fetchImpl: s.fetchImpl };
  const ok = await fetchDatashare("https://ds.example/a", opts);
  assert.equal(ok.ok && ok.body.toString(), "share");
  assert.deepEqual(
    s.calls.map((c) => [c.url, c.authorization]),
    [
      ["https://ds.example/a", "Bearer t1"],
      ["https://ds.example/final", "Bearer t1"],
    ],
  );
  s.calls.length = 0;
  const away = await fetchDatashare("https://ds.example/away", opts);
  assert.equal(!away.ok && away.code, "ORIGIN_NOT_ALLOWED");
  assert.deepEqual(
    s.calls.map((c) => c.url),
    ["https://ds.example/away"],
  );
  s.calls.length = 0;
  const loop = await fetchDatashare("https://ds.example/l", opts);
  assert.equal(!loop.ok && loop.code, "TOO_MANY_REDIRECTS");
  assert.equal(s.calls.length, MAX_REDIRECTS + 1);
});
