import assert from "node:assert/strict";
import { test } from "node:test";
import { computeMosipClock, soonestClock } from "./mosip-clock";

const settings = { reprocessSeconds: 900, datashareValiditySeconds: 1800 };
const requestTime = new Date("2026-12-02T10:00:00.000Z");

test("MOSIP's defaults: the re-send at 15 minutes comes before the shares' 30 and the message's 90", () => {
  const clock = computeMosipClock(
    { expiresAt: new Date("2026-12-02T11:30:00.000Z"), requestTime, receivedAt: new Date("2026-12-02T10:00:05.000Z"), sharesPending: true },
    settings,
  );
  assert.deepEqual(clock, {
    messageExpiresAt: "2026-12-02T11:30:00.000Z",
    resendAt: "2026-12-02T10:15:00.000Z",
    sharesExpireAt: "2026-12-02T10:30:00.000Z",
  });
  assert.deepEqual(soonestClock(clock), { kind: "resend", at: "2026-12-02T10:15:00.000Z" });
});

test("with MOSIP set as advised (re-send after TTL + buffer), pending shares or the message expiry come first", () => {
  const advised = { reprocessSeconds: 6300, datashareValiditySeconds: 1800 };
  const pending = computeMosipClock(
    { expiresAt: new Date("2026-12-02T11:30:00.000Z"), requestTime, receivedAt: requestTime, sharesPending: true },
    advised,
  );
  assert.equal(soonestClock(pending).kind, "shares");
  const stored = computeMosipClock(
    { expiresAt: new Date("2026-12-02T11:30:00.000Z"), requestTime, receivedAt: requestTime, sharesPending: false },
    advised,
  );
  assert.equal(stored.sharesExpireAt, null, "downloaded shares no longer run out");
  assert.deepEqual(soonestClock(stored), { kind: "expiry", at: "2026-12-02T11:30:00.000Z" });
});

test("without requesttime the clock starts at receipt; without an expires header there is no message expiry", () => {
  const clock = computeMosipClock({ expiresAt: null, requestTime: null, receivedAt: requestTime, sharesPending: false }, settings);
  assert.deepEqual(clock, { messageExpiresAt: null, resendAt: "2026-12-02T10:15:00.000Z", sharesExpireAt: null });
});
