import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateWorkLimits } from "./work-limits";
import { modalitiesPresent, requiredDwellSeconds } from "./dwell-time";

const now = new Date("2026-12-02T12:00:00.000Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const off = { maxContinuousWorkMinutes: 0, breakMinutes: 15, maxCasesPerHour: 0, maxCasesPerDay: 0 };

test("cases per hour: reached at the setting, not one below, and work resumes when the oldest leaves the window", () => {
  const s = { ...off, maxCasesPerHour: 3 };
  const two = evaluateWorkLimits({ decisions: [ago(50), ago(10)], views: [] }, s, now);
  assert.equal(two.reached, null);
  assert.equal(two.casesLastHour, 2);
  const three = evaluateWorkLimits({ decisions: [ago(50), ago(10), ago(5)], views: [] }, s, now);
  assert.deepEqual(three.reached, { limit: "hour", resumeAt: ago(-10) });
  // A decision older than the hour does not count.
  assert.equal(evaluateWorkLimits({ decisions: [ago(61), ago(10), ago(5)], views: [] }, s, now).reached, null);
});

test("cases per day: a rolling 24 hours", () => {
  const s = { ...off, maxCasesPerDay: 2 };
  assert.equal(evaluateWorkLimits({ decisions: [ago(24 * 60 + 1), ago(60)], views: [] }, s, now).reached, null);
  assert.deepEqual(evaluateWorkLimits({ decisions: [ago(23 * 60), ago(60)], views: [] }, s, now).reached, {
    limit: "day",
    resumeAt: ago(-60),
  });
});

test("continuous work: a stretch without a break reaching now; a break resets it", () => {
  const s = { ...off, maxContinuousWorkMinutes: 60, breakMinutes: 15 };
  // Views and decisions every 14 minutes from 56 minutes ago: under the hour.
  const under = evaluateWorkLimits({ decisions: [ago(42), ago(14)], views: [ago(56), ago(28), ago(1)] }, s, now);
  assert.equal(under.continuousMinutes, 56);
  assert.equal(under.reached, null);
  const at = evaluateWorkLimits({ decisions: [ago(46), ago(18)], views: [ago(60), ago(32), ago(4)] }, s, now);
  assert.equal(at.continuousMinutes, 60);
  assert.deepEqual(at.reached, { limit: "continuous", resumeAt: ago(4 - 15) });
  // A 15-minute pause inside the stretch was a break.
  const rested = evaluateWorkLimits({ decisions: [ago(90), ago(70)], views: [ago(55), ago(42), ago(28), ago(14), ago(4)] }, s, now);
  assert.equal(rested.continuousMinutes, 55);
  assert.equal(rested.reached, null);
  // Nothing for a break's length: not working at all.
  assert.equal(evaluateWorkLimits({ decisions: [ago(15)], views: [] }, s, now).continuousMinutes, 0);
});

test("near a limit from 80%; the limit that holds work back longest is the one reported", () => {
  const s = { maxContinuousWorkMinutes: 60, breakMinutes: 15, maxCasesPerHour: 5, maxCasesPerDay: 10 };
  assert.equal(evaluateWorkLimits({ decisions: [ago(30), ago(20), ago(10)], views: [] }, s, now).near, false);
  assert.equal(evaluateWorkLimits({ decisions: [ago(40), ago(30), ago(20), ago(10)], views: [] }, s, now).near, true);
  const both = evaluateWorkLimits(
    { decisions: [ago(500), ago(400), ago(300), ago(200), ago(100), ago(50), ago(40), ago(30), ago(20), ago(10)], views: [] },
    s,
    now,
  );
  assert.equal(both.reached?.limit, "day");
});

test("minimum dwell: base + per comparison × candidates × modalities, each at least 1", () => {
  const s = { minDwellBaseSeconds: 20, minDwellSecondsPerComparison: 5 };
  assert.equal(requiredDwellSeconds(s, { candidates: 3, modalities: 2 }), 20 + 5 * 6);
  assert.equal(requiredDwellSeconds(s, { candidates: 0, modalities: null }), 25);
  assert.equal(requiredDwellSeconds({ minDwellBaseSeconds: 0, minDwellSecondsPerComparison: 0 }, { candidates: 9, modalities: 3 }), 0);
  const cell = (modality: string, state: string) => ({ modality, state });
  assert.equal(
    modalitiesPresent({ cells: [cell("Face", "present"), cell("Finger", "present"), cell("Finger", "present"), cell("Iris", "absent")] }),
    2,
  );
  assert.equal(modalitiesPresent(null), 0);
});
