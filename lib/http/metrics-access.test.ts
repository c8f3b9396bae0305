import { test } from "node:test";
import assert from "node:assert/strict";
import { metricsAccess } from "./metrics-access";

const token = "s3cret-token-of-24-chars-or-more";

test("with a token, only the exact bearer token is let in", () => {
  const cfg = { token, open: true, production: false };
  assert.equal(metricsAccess(cfg, `Bearer ${token}`), "allowed");
  for (const h of [null, "", `Bearer ${token}x`, `Basic ${token}`, token, "Bearer "])
    assert.equal(metricsAccess(cfg, h), "unauthorized", String(h));
});

test("without a token, production refuses unless MAS_METRICS_OPEN; development is open", () => {
  assert.equal(metricsAccess({ token: undefined, open: false, production: true }, null), "disabled");
  assert.equal(metricsAccess({ token: undefined, open: true, production: true }, null), "allowed");
  assert.equal(metricsAccess({ token: undefined, open: false, production: false }, null), "allowed");
});
