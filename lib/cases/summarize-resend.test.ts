import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeResend } from "./summarize-resend";

test("a case that replaced no request is not marked re-sent", () => {
  assert.equal(summarizeResend(new Date("2026-12-02T10:00:00Z"), []), null);
});

test("a re-sent case says how many requests it replaced and how long MOSIP waited since the first", () => {
  const at = (hm: string) => ({ receivedAt: new Date(`2026-12-02T${hm}:00Z`) });
  assert.deepEqual(summarizeResend(new Date("2026-12-02T10:30:00Z"), [at("10:15"), at("10:00")]), { replaced: 2, waitedMinutes: 30 });
});
