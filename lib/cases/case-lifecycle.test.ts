import { test } from "node:test";
import assert from "node:assert/strict";
import { CaseState } from "@/lib/db/generated/enums";
import {
  ALL_STATES,
  ANSWERABLE_STATES,
  assignedLevel,
  assignmentData,
  awaitingAssignee,
  DATA_STATES,
  heldBy,
  isOneOf,
  levelAwaited,
  MOVING_STATES,
  OPEN_STATES,
  RETRYABLE_DATA_STATES,
  REVIEW_STATES,
  reviewHolder,
} from "./case-lifecycle";

test("ALL_STATES is every state of the schema, in its order", () => {
  assert.deepEqual(ALL_STATES, [
    "RECEIVED",
    "FETCHING",
    "DATA_UNAVAILABLE",
    "READY",
    "IN_PRIMARY",
    "IN_SECONDARY",
    "CONFLICT",
    "DECIDED",
    "ANSWERED",
    "SUPERSEDED",
  ]);
  assert.deepEqual(new Set(ALL_STATES), new Set(Object.values(CaseState)));
});

test("the state groups nest: every group is open, and the open states are those not decided, answered or superseded", () => {
  assert.deepEqual(
    ALL_STATES.filter((s) => !isOneOf(OPEN_STATES, s)),
    ["DECIDED", "ANSWERED", "SUPERSEDED"],
  );
  for (const group of [MOVING_STATES, DATA_STATES, ANSWERABLE_STATES, REVIEW_STATES, RETRYABLE_DATA_STATES])
    for (const s of group) assert.ok(isOneOf(OPEN_STATES, s), s);
  assert.deepEqual(MOVING_STATES, ["RECEIVED", "FETCHING", "READY", "IN_PRIMARY", "IN_SECONDARY", "CONFLICT"]);
  assert.deepEqual(ANSWERABLE_STATES, ["DATA_UNAVAILABLE", "READY", "IN_PRIMARY", "IN_SECONDARY", "CONFLICT"]);
  assert.deepEqual(REVIEW_STATES, ["IN_PRIMARY", "IN_SECONDARY"]);
  assert.deepEqual(DATA_STATES, ["RECEIVED", "FETCHING", "DATA_UNAVAILABLE"]);
});

test("levelAwaited: READY and IN_PRIMARY wait for a primary, IN_SECONDARY for a secondary, the rest for no review", () => {
  const awaited = Object.fromEntries(ALL_STATES.map((s) => [s, levelAwaited(s)]));
  assert.deepEqual(awaited, {
    RECEIVED: null,
    FETCHING: null,
    DATA_UNAVAILABLE: null,
    READY: "PRIMARY",
    IN_PRIMARY: "PRIMARY",
    IN_SECONDARY: "SECONDARY",
    CONFLICT: null,
    DECIDED: null,
    ANSWERED: null,
    SUPERSEDED: null,
  });
});

test("assignedLevel: only the assignee of the review the case is in holds it", () => {
  const c = { primaryAssigneeId: "p", secondaryAssigneeId: "s" };
  assert.equal(assignedLevel({ ...c, state: "IN_PRIMARY" }, "p"), "PRIMARY");
  assert.equal(assignedLevel({ ...c, state: "IN_PRIMARY" }, "s"), null);
  assert.equal(assignedLevel({ ...c, state: "IN_SECONDARY" }, "s"), "SECONDARY");
  assert.equal(assignedLevel({ ...c, state: "IN_SECONDARY" }, "p"), null, "a primary who decided loses the case");
  for (const state of ["READY", "CONFLICT", "DECIDED", "ANSWERED"]) {
    assert.equal(assignedLevel({ ...c, state }, "p"), null, state);
    assert.equal(assignedLevel({ ...c, state }, "s"), null, state);
  }
});

test("heldBy is the query form of assignedLevel", () => {
  assert.deepEqual(heldBy("u"), {
    OR: [
      { state: "IN_PRIMARY", primaryAssigneeId: "u" },
      { state: "IN_SECONDARY", secondaryAssigneeId: "u" },
    ],
  });
});

test("an assignment takes only an unheld waiting case; a primary one moves it into primary review", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  assert.deepEqual(awaitingAssignee("PRIMARY"), { state: "READY" });
  assert.deepEqual(awaitingAssignee("SECONDARY"), { state: "IN_SECONDARY", secondaryAssigneeId: null });
  assert.deepEqual(assignmentData("PRIMARY", "u", now), { state: "IN_PRIMARY", primaryAssigneeId: "u", primaryAssignedAt: now });
  assert.deepEqual(assignmentData("SECONDARY", "u", now), { secondaryAssigneeId: "u", secondaryAssignedAt: now });
});

test("the review holder is the primary in primary review, the secondary in secondary review, nobody otherwise", () => {
  assert.equal(reviewHolder("IN_PRIMARY", "ana", "ben"), "ana");
  assert.equal(reviewHolder("IN_SECONDARY", "ana", "ben"), "ben");
  assert.equal(reviewHolder("IN_SECONDARY", "ana", null), null);
  for (const s of ["READY", "CONFLICT", "DECIDED"]) assert.equal(reviewHolder(s, "ana", "ben"), null);
});
