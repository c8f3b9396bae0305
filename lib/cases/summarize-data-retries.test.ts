import { test } from "node:test";
import assert from "node:assert/strict";
import { summarizeDataRetries } from "./summarize-data-retries";

test("the earliest receipt and the most-tried download's attempts and code; nothing when none fails", () => {
  assert.equal(summarizeDataRetries([]), null);
  assert.deepEqual(
    summarizeDataRetries([
      { createdAt: new Date("2026-01-01T10:00:05Z"), attempts: 9, lastErrorCode: "HTTP_503" },
      { createdAt: new Date("2026-01-01T10:00:00Z"), attempts: 4, lastErrorCode: "NETWORK_ECONNREFUSED" },
    ]),
    { since: "2026-01-01T10:00:00.000Z", attempts: 9, code: "HTTP_503" },
  );
});
