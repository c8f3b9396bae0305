import { test } from "node:test";
import assert from "node:assert/strict";
import { maskDatashareUrls, maskUrl } from "./mask-datashare-urls";

test("the share key (last path segment) and any query are masked; host and path stay for diagnosis", () => {
  assert.equal(
    maskUrl("http://datashare.mosip/v1/datashare/get/mpolicy/mpartner/abc123"),
    "http://datashare.mosip/v1/datashare/get/mpolicy/mpartner/•••",
  );
  assert.equal(maskUrl("https://ds/v1/get/p/s/key?token=secret"), "https://ds/v1/get/p/s/•••?•••");
  assert.equal(maskUrl("http://host"), "http://host");
  assert.equal(maskUrl("http://host/"), "http://host/");
});

test("URLs are masked wherever they sit in a raw request body, including MOSIP's JSON-in-a-string form", () => {
  const lts = JSON.stringify([{ source: "packet", status: "PROCESSED", url: "http://ds/get/p/s/SECRET1" }]);
  const body = JSON.stringify({
    requestId: "r1",
    referenceURL: lts,
    gallery: { referenceIds: [{ referenceId: "1", referenceURL: "http://ds/get/p/s/SECRET2" }] },
  });
  const masked = maskDatashareUrls(body);
  assert.ok(!masked.includes("SECRET1") && !masked.includes("SECRET2"), masked);
  assert.ok(masked.includes("http://ds/get/p/s/•••"));
  assert.equal(JSON.parse(masked).requestId, "r1", "still valid JSON");
  assert.equal(maskDatashareUrls("not json, see http://x/y/z, and more"), "not json, see http://x/y/•••, and more");
});
