import assert from "node:assert/strict";
import { test } from "node:test";
import { safeCallbackPath } from "./safe-callback-path";

const APP = "https://mas.example";

test("a page of the app is kept, with its query", () => {
  assert.equal(safeCallbackPath("/cases/42?tab=2", APP), "/cases/42?tab=2");
  assert.equal(safeCallbackPath("https://mas.example/queue", APP), "/queue");
});

test("anything that leaves the app goes to the start page instead", () => {
  for (const v of [
    "//evil.example",
    "/\\evil.example",
    "/%5Cevil.example/../\\\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "https://mas.example.evil.example/",
    "javascript:alert(1)",
    "http://mas.example/",
  ])
    assert.equal(safeCallbackPath(v, APP), "/", v);
  assert.equal(safeCallbackPath(null, APP), "/");
});

test("an encoded backslash stays inside the app as a path", () => {
  // %5C is not decoded by URL parsing, so the browser asks this app for that path.
  assert.equal(safeCallbackPath("/%5Cevil.example", APP), "/%5Cevil.example");
});
