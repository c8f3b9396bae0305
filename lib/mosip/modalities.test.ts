import { test } from "node:test";
import assert from "node:assert/strict";
import {
  FINGER_NAMES,
  fingerFromCbeffSubtype,
  fingerFromIsoPosition,
  formatMatchedModalities,
  irisFromCbeffSubtype,
  type FingerName,
} from "./modalities";

test("all modalities in MOSIP's sample order reproduce the sample's strings exactly", () => {
  const fingers = [...FINGER_NAMES].reverse();
  assert.deepEqual(formatMatchedModalities({ face: true, fingers, irises: ["Left_Iris", "Right_Iris"] }), {
    Face: "F",
    Finger: "Right_Thumb,Right_Index,Right_Middle,Right_Ring,Right_Little,Left_Thumb,Left_Index,Left_Middle,Left_Ring,Left_Little",
    Iris: "Right_Iris,Left_Iris",
  });
});

test("only matched modalities appear; duplicates collapse", () => {
  assert.deepEqual(formatMatchedModalities({ fingers: ["Left_Index", "Right_Thumb", "Left_Index"] }), {
    Finger: "Right_Thumb,Left_Index",
  });
  assert.deepEqual(formatMatchedModalities({ face: false, fingers: [], irises: [] }), {});
});

test("unknown names from untyped callers are refused", () => {
  assert.throws(() => formatMatchedModalities({ fingers: ["Left_IndexFinger" as FingerName] }), /unknown finger name "Left_IndexFinger"/);
});

test("CBEFF subtypes and ISO positions map to the sample's names", () => {
  assert.equal(fingerFromCbeffSubtype("Left IndexFinger"), "Left_Index");
  assert.equal(fingerFromCbeffSubtype("Right Thumb"), "Right_Thumb");
  assert.equal(fingerFromCbeffSubtype("Right LittleFinger"), "Right_Little");
  assert.equal(fingerFromCbeffSubtype("Left"), null);
  assert.equal(fingerFromCbeffSubtype("Left Toe"), null);
  assert.equal(irisFromCbeffSubtype("Left"), "Left_Iris");
  assert.equal(irisFromCbeffSubtype("right"), "Right_Iris");
  assert.equal(irisFromCbeffSubtype(""), null);
  assert.equal(fingerFromIsoPosition(1), "Right_Thumb");
  assert.equal(fingerFromIsoPosition(7), "Left_Index");
  assert.equal(fingerFromIsoPosition(0), null);
  assert.equal(fingerFromIsoPosition(11), null);
});
