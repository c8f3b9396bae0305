import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, needsRehash, verifyPassword } from "./password";

test("a password verifies against its own salted hash only", async () => {
  const a = await hashPassword("correct horse battery");
  const b = await hashPassword("correct horse battery");
  assert.notEqual(a, b, "each hash has its own salt");
  assert.match(a, /^scrypt\$131072\$8\$1\$/, "OWASP's minimum: N=2^17, r=8, p=1");
  assert.equal(await verifyPassword("correct horse battery", a), true);
  assert.equal(await verifyPassword("correct horse batterY", a), false);
  assert.equal(await verifyPassword("anything", "not-a-hash"), false);
});

test("hashes made with weaker parameters are marked for replacement", async () => {
  assert.equal(needsRehash(await hashPassword("correct horse battery")), false);
  assert.equal(needsRehash("scrypt$32768$8$1$c2FsdA==$a2V5"), true);
  assert.equal(needsRehash("bcrypt$whatever"), true);
});
