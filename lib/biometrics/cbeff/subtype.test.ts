import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseSubtype, normaliseType } from "./subtype";

describe("normaliseSubtype", () => {
  it("maps MOSIP's CBEFF finger words to ISO-style positions", () => {
    assert.equal(normaliseSubtype("Left IndexFinger"), "LEFT_INDEX");
    assert.equal(normaliseSubtype("Right Thumb"), "RIGHT_THUMB");
    assert.equal(normaliseSubtype("Left MiddleFinger"), "LEFT_MIDDLE");
    assert.equal(normaliseSubtype("Right RingFinger"), "RIGHT_RING");
    assert.equal(normaliseSubtype("Left LittleFinger"), "LEFT_LITTLE");
  });

  it("accepts other spellings of the same position", () => {
    assert.equal(normaliseSubtype("LEFT_INDEX"), "LEFT_INDEX");
    assert.equal(normaliseSubtype("left index finger"), "LEFT_INDEX");
    assert.equal(normaliseSubtype("  Right   Little  "), "RIGHT_LITTLE");
  });

  it("handles irises, faces and unknown words", () => {
    assert.equal(normaliseSubtype("Left"), "LEFT");
    assert.equal(normaliseSubtype("Right"), "RIGHT");
    assert.equal(normaliseSubtype(""), null);
    assert.equal(normaliseSubtype("   "), null);
    assert.equal(normaliseSubtype("UNKNOWN"), "UNKNOWN");
    assert.equal(normaliseSubtype("Left Palm"), "LEFT_PALM");
  });
});

describe("normaliseType", () => {
  it("canonicalises MOSIP modalities and keeps others", () => {
    assert.equal(normaliseType("FINGER"), "Finger");
    assert.equal(normaliseType("exceptionphoto"), "ExceptionPhoto");
    assert.equal(normaliseType("Iris"), "Iris");
    assert.equal(normaliseType("Voice"), "Voice");
  });
});
