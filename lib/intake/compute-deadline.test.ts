import { test } from "node:test";
import assert from "node:assert/strict";
import { computeDeadline } from "./compute-deadline";

const t = (iso: string) => new Date(iso);

test("the broker expiry wins when it is earlier", () => {
  const d = computeDeadline({
    expiresAt: t("2026-01-01T10:30:00Z"),
    requestTime: t("2026-01-01T10:00:00Z"),
    receivedAt: t("2026-01-01T10:00:01Z"),
    windowMinutes: 90,
  });
  assert.equal(d.toISOString(), "2026-01-01T10:30:00.000Z");
});

test("requesttime + window when there is no expiry, or a later one", () => {
  const base = { requestTime: t("2026-01-01T10:00:00Z"), receivedAt: t("2026-01-01T10:05:00Z"), windowMinutes: 90 };
  assert.equal(computeDeadline({ ...base, expiresAt: null }).toISOString(), "2026-01-01T11:30:00.000Z");
  assert.equal(computeDeadline({ ...base, expiresAt: t("2026-01-02T00:00:00Z") }).toISOString(), "2026-01-01T11:30:00.000Z");
});

test("receipt time stands in for a missing requesttime", () => {
  const d = computeDeadline({ expiresAt: null, requestTime: null, receivedAt: t("2026-01-01T10:05:00Z"), windowMinutes: 10 });
  assert.equal(d.toISOString(), "2026-01-01T10:15:00.000Z");
});

test("MOSIP's re-send comes first on its current defaults (900 s), and the deadline follows it", () => {
  const d = computeDeadline({
    expiresAt: t("2026-01-01T11:30:00Z"),
    requestTime: t("2026-01-01T10:00:00Z"),
    receivedAt: t("2026-01-01T10:00:02Z"),
    windowMinutes: 90,
    reprocessSeconds: 900,
  });
  assert.equal(d.toISOString(), "2026-01-01T10:15:00.000Z");
});
