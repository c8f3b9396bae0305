import { test } from "node:test";
import assert from "node:assert/strict";
import { processSlot } from "./process-slot";

test("a slot is shared by every module that names it and created once", () => {
  let created = 0;
  const a = processSlot<{ n: number }>("test.shared");
  const b = processSlot<{ n: number }>("test.shared");
  const v = a.getOrCreate(() => ({ n: ++created }));
  assert.equal(
    b.getOrCreate(() => ({ n: ++created })),
    v,
  );
  assert.equal(created, 1);
  b.clear();
  assert.equal(a.get(), undefined);
});

test("a slot may hold null or a promise without creating again", async () => {
  const s = processSlot<Promise<number> | null>("test.null");
  assert.equal(
    s.getOrCreate(() => null),
    null,
  );
  assert.equal(
    s.getOrCreate(() => Promise.resolve(1)),
    null,
  );
  s.clear();
});
