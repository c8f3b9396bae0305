import { test } from "node:test";
import assert from "node:assert/strict";
import { createSerialQueue } from "./serial-queue";

test("jobs run one at a time in order, and a failing job does not stop the next", async () => {
  const seen: string[] = [];
  const errors: unknown[] = [];
  const q = createSerialQueue((e) => errors.push(e));
  const job =
    (name: string, ms: number, fail = false) =>
    async () => {
      seen.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      seen.push(`end ${name}`);
      if (fail) throw new Error(name);
    };
  q.push(job("a", 20));
  q.push(job("b", 1, true));
  q.push(job("c", 5));
  await q.idle();
  assert.deepEqual(seen, ["start a", "end a", "start b", "end b", "start c", "end c"]);
  assert.equal(errors.length, 1);
});
