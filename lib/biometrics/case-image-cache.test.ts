import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { approximateBytes, CaseImageCache, DEFAULT_CACHE_BYTES, getCaseImageCache } from "./case-image-cache";

const key = (caseId: string, subject: string, bir: number | string) => ({ caseId, subject, bir });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("CaseImageCache", () => {
  it("never holds more bytes than its bound", () => {
    const cache = new CaseImageCache({ maxBytes: 1000 });
    for (let i = 0; i < 50; i++) {
      cache.set(key("c1", "applicant", i), i, 90 + (i % 3) * 40);
      assert.ok(cache.stats().bytes <= 1000, `after ${i}: ${cache.stats().bytes}`);
    }
    assert.ok(cache.stats().evictions > 0);
    cache.set(key("c1", "applicant", "huge"), "x", 1001);
    assert.equal(cache.has(key("c1", "applicant", "huge")), false, "a value bigger than the cache is not kept");
    assert.ok(cache.stats().bytes <= 1000);
  });

  it("evicts the least recently used entry first", () => {
    const cache = new CaseImageCache({ maxBytes: 300 });
    cache.set(key("c", "s", 1), "one", 100);
    cache.set(key("c", "s", 2), "two", 100);
    cache.set(key("c", "s", 3), "three", 100);
    assert.equal(cache.get(key("c", "s", 1)), "one"); // 1 is now the most recently used
    cache.set(key("c", "s", 4), "four", 100);
    assert.deepEqual(
      [1, 2, 3, 4].map((b) => cache.has(key("c", "s", b))),
      [true, false, true, true],
    );
    cache.set(key("c", "s", 5), "five", 150);
    assert.deepEqual(
      [1, 3, 4, 5].map((b) => cache.has(key("c", "s", b))),
      [false, false, true, true],
    );
    assert.equal(cache.stats().bytes, 250);
  });

  it("replacing a value accounts its new size", () => {
    const cache = new CaseImageCache({ maxBytes: 1000 });
    cache.set(key("c", "s", 1), "a", 400);
    cache.set(key("c", "s", 1), "b", 100);
    assert.deepEqual([cache.get(key("c", "s", 1)), cache.stats().bytes, cache.stats().entries], ["b", 100, 1]);
  });

  it("dropCase removes everything for that case and nothing else", async () => {
    const cache = new CaseImageCache({ maxBytes: 10_000 });
    for (const subject of ["applicant", "cand-1", "cand-2"]) {
      for (let bir = 0; bir < 3; bir++) cache.set(key("case-A", subject, bir), bir, 10);
      cache.set(key("case-B", subject, 0), 0, 10);
    }
    cache.set(key("case-A", "applicant", "identity"), { name: "x" }, 50);
    // Keys are structured: a case id that merely starts like another does not match it.
    cache.set(key("case-A2", "applicant", 0), 0, 10);
    assert.equal(cache.dropCase("case-A"), 10);
    assert.equal(cache.stats().entries, 4);
    assert.equal(cache.stats().bytes, 40);
    assert.equal(cache.has(key("case-A", "applicant", "identity")), false);
    assert.equal(cache.has(key("case-B", "cand-2", 0)), true);
    assert.equal(cache.has(key("case-A2", "applicant", 0)), true);
  });

  it("shares one decode between concurrent requests for the same key", async () => {
    const cache = new CaseImageCache();
    let calls = 0;
    const gate = deferred<Buffer>();
    const produce = () => {
      calls++;
      return gate.promise;
    };
    const requests = Array.from({ length: 5 }, () => cache.getOrCreate(key("c", "applicant", 3), produce, (b) => b.length));
    const other = cache.getOrCreate(
      key("c", "applicant", 4),
      async () => Buffer.alloc(2),
      (b) => b.length,
    );
    gate.resolve(Buffer.alloc(8));
    const results = await Promise.all(requests);
    assert.equal(calls, 1);
    assert.ok(results.every((r) => r === results[0]));
    assert.equal((await other).length, 2);
    const again = await cache.getOrCreate(key("c", "applicant", 3), produce, (b) => b.length);
    assert.equal(again, results[0]);
    assert.equal(calls, 1);
    assert.deepEqual([cache.stats().misses, cache.stats().bytes], [2, 10]);
  });

  it("does not cache failures: the next request decodes again", async () => {
    const cache = new CaseImageCache();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("corrupt");
    };
    const both = [cache.getOrCreate(key("c", "s", 1), failing, () => 1), cache.getOrCreate(key("c", "s", 1), failing, () => 1)];
    for (const p of both) await assert.rejects(p, /corrupt/);
    assert.equal(calls, 1);
    assert.equal(
      await cache.getOrCreate(
        key("c", "s", 1),
        async () => "ok",
        () => 1,
      ),
      "ok",
    );
  });

  it("does not cache a decode that finishes after its case was dropped", async () => {
    const cache = new CaseImageCache();
    const gate = deferred<string>();
    const pending = cache.getOrCreate(
      key("c", "s", 1),
      () => gate.promise,
      () => 10,
    );
    cache.dropCase("c");
    gate.resolve("late");
    assert.equal(await pending, "late"); // the request that asked still gets its answer...
    assert.equal(cache.has(key("c", "s", 1)), false); // ...but nothing stays behind
    assert.equal(cache.stats().bytes, 0);
  });

  it("sizes values and reads its bound from the environment", () => {
    assert.equal(approximateBytes({ data: Buffer.alloc(1000) }) >= 1000, true);
    const cyclic: Record<string, unknown> = { a: new Uint8Array(10) };
    cyclic.self = cyclic;
    assert.ok(approximateBytes(cyclic) < 100);
    assert.equal(
      getCaseImageCache().maxBytes,
      process.env.MAS_IMAGE_CACHE_MB ? Number(process.env.MAS_IMAGE_CACHE_MB) * 1024 * 1024 : DEFAULT_CACHE_BYTES,
    );
    assert.equal(getCaseImageCache(), getCaseImageCache());
    assert.throws(() => new CaseImageCache({ maxBytes: -1 }), RangeError);
  });
});
