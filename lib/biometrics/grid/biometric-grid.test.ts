import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCbeff, type Bir } from "../cbeff/parse-cbeff";
import { CBEFF_SAMPLES, readFixture } from "../testing/fixtures";
import { alignGrids, buildBiometricGrid, GRID_SLOTS } from "./biometric-grid";

const packet = parseCbeff(readFixture(CBEFF_SAMPLES.packet12)).birs;
const fingers010 = parseCbeff(readFixture(CBEFF_SAMPLES.fingers010)).birs;

function variant(bir: Bir, changes: Partial<Bir>): Bir {
  return { ...bir, ...changes };
}

describe("buildBiometricGrid", () => {
  it("places all 13 biometrics of the 1.2 packet sample", () => {
    const grid = buildBiometricGrid(packet);
    assert.deepEqual(
      grid.cells.map((c) => c.slot),
      [...GRID_SLOTS],
    );
    assert.ok(grid.cells.every((c) => c.state === "present" && c.qualityScore === 80 && c.exceptionReason === null));
    const bir = (slot: string) => grid.cells.find((c) => c.slot === slot)?.birIndex;
    // Document order is scrambled in the sample; the grid follows the examiner's order.
    assert.equal(bir("FACE"), 6);
    assert.equal(bir("RIGHT_THUMB"), 1);
    assert.equal(bir("LEFT_LITTLE"), 0);
    assert.equal(bir("RIGHT_IRIS"), 4);
    assert.equal(bir("LEFT_IRIS"), 8);
    assert.deepEqual(new Set(grid.cells.map((c) => c.birIndex)).size, 13);
    assert.deepEqual(grid.extras, []);
    assert.deepEqual(
      grid.cells.slice(0, 2).map((c) => [c.modality, c.label]),
      [
        ["Face", "Face"],
        ["Finger", "Right thumb"],
      ],
    );
  });

  it("marks face and irises absent for the ten-finger sample", () => {
    const grid = buildBiometricGrid(fingers010);
    const states = Object.fromEntries(grid.cells.map((c) => [c.slot, c.state]));
    assert.equal(states.FACE, "absent");
    assert.equal(states.LEFT_IRIS, "absent");
    assert.equal(states.RIGHT_IRIS, "absent");
    assert.equal(grid.cells.filter((c) => c.state === "present").length, 10);
    assert.ok(grid.cells.filter((c) => c.modality === "Finger").every((c) => c.qualityScore === 100));
    assert.equal(grid.cells.find((c) => c.slot === "RIGHT_INDEX")?.birIndex, 0);
  });

  it("shows exceptions with their reason, and no image unless one was sent", () => {
    const birs = packet.map((b) => {
      if (b.subtype === "LEFT_THUMB")
        return variant(b, { exception: true, others: { EXCEPTION: "true", EXCEPTION_REASON: "Amputated" }, bdb: null });
      if (b.subtype === "RIGHT_THUMB") return variant(b, { exception: true, others: { EXCEPTION: "true" } });
      return b;
    });
    const grid = buildBiometricGrid(birs, { exceptionReasons: { RIGHT_THUMB: "Temporary" } });
    const cell = (slot: string) => grid.cells.find((c) => c.slot === slot)!;
    assert.deepEqual(
      [cell("LEFT_THUMB").state, cell("LEFT_THUMB").exceptionReason, cell("LEFT_THUMB").birIndex],
      ["exception", "Amputated", null],
    );
    assert.deepEqual(
      [cell("RIGHT_THUMB").state, cell("RIGHT_THUMB").exceptionReason, cell("RIGHT_THUMB").birIndex],
      ["exception", "Temporary", 1],
    );
  });

  it("uses outside exception reasons for a biometric with no BIR", () => {
    const birs = packet.filter((b) => b.type !== "Iris");
    const grid = buildBiometricGrid(birs, { exceptionReasons: { LEFT_IRIS: "Permanent" } });
    const left = grid.cells.find((c) => c.slot === "LEFT_IRIS")!;
    const right = grid.cells.find((c) => c.slot === "RIGHT_IRIS")!;
    assert.deepEqual([left.state, left.exceptionReason, left.birIndex], ["exception", "Permanent", null]);
    assert.equal(right.state, "absent");
  });

  it("prefers a renderable duplicate, then the higher quality, and keeps the others", () => {
    const face = packet.find((b) => b.type === "Face")!;
    const birs = [...packet, variant(face, { index: 13, qualityScore: 95 }), variant(face, { index: 14, qualityScore: 99, bdb: null })];
    const cell = buildBiometricGrid(birs).cells[0];
    assert.deepEqual([cell.state, cell.birIndex, cell.qualityScore], ["present", 13, 95]);
    assert.deepEqual(cell.otherBirIndexes.sort(), [14, 6].sort());
  });

  it("flags a BIR without image data and lists BIRs that have no grid place", () => {
    const birs = packet.map((b) => (b.subtype === "LEFT_RING" ? variant(b, { bdb: null }) : b));
    birs.push(variant(packet[6], { index: 13, type: "ExceptionPhoto", types: ["ExceptionPhoto"] }));
    birs.push(variant(packet[0], { index: 14, subtype: "PLAIN_LEFT_FOUR" }));
    const grid = buildBiometricGrid(birs);
    const ring = grid.cells.find((c) => c.slot === "LEFT_RING")!;
    assert.deepEqual([ring.state, ring.birIndex, ring.note], ["absent", null, "biometric record has no image data"]);
    assert.deepEqual(
      grid.extras.map((e) => [e.birIndex, e.type, e.subtype]),
      [
        [13, "ExceptionPhoto", null],
        [14, "Finger", "PLAIN_LEFT_FOUR"],
      ],
    );
  });
});

describe("alignGrids", () => {
  it("lines up applicant and candidates slot by slot", () => {
    const rows = alignGrids(buildBiometricGrid(packet), [buildBiometricGrid(fingers010), buildBiometricGrid([])]);
    assert.equal(rows.length, 13);
    assert.deepEqual(
      rows.map((r) => r.slot),
      [...GRID_SLOTS],
    );
    const rightIndex = rows.find((r) => r.slot === "RIGHT_INDEX")!;
    assert.deepEqual([rightIndex.applicant.birIndex, rightIndex.candidates[0].birIndex, rightIndex.candidates[1].state], [2, 0, "absent"]);
    assert.deepEqual(
      rows[0].candidates.map((c) => c.state),
      ["absent", "absent"],
    );
  });
});
