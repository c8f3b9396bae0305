import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { numberFields } from "./number-fields";

test("a settings form gets each number's range and wholeness from the schema the server validates with", () => {
  const schema = z.strictObject({
    minutes: z.number().int().min(0).max(1440),
    percent: z.number().min(0).max(20),
    mode: z.enum(["A", "B"]),
  });
  assert.deepEqual(numberFields(schema), [
    { key: "minutes", min: 0, max: 1440, integer: true },
    { key: "percent", min: 0, max: 20, integer: false },
  ]);
});
