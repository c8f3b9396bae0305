import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeBiometricsField } from "./biometrics-field";
import { CbeffError } from "./cbeff-error";

describe("decodeBiometricsField", () => {
  it("decodes URL-safe base64 without padding, including '-' and '_' characters", () => {
    const text = "<BIR>\u00e9??>>~</BIR>";
    const encoded = Buffer.from(text, "utf8").toString("base64url");
    assert.match(encoded, /[-_]/, "the sample must exercise the URL-safe alphabet");
    assert.doesNotMatch(encoded, /=/);
    assert.equal(decodeBiometricsField(encoded), text);
  });

  it("also accepts padding, the standard alphabet and line breaks", () => {
    const text = "<BIR>??>>~</BIR>";
    const standard = Buffer.from(text).toString("base64");
    assert.equal(decodeBiometricsField(standard.replace(/(.{8})/g, "$1\n")), text);
  });

  it("rejects empty input, foreign characters and impossible lengths", () => {
    assert.throws(() => decodeBiometricsField(""), CbeffError);
    assert.throws(() => decodeBiometricsField("abc$def"), /not base64/);
    assert.throws(() => decodeBiometricsField("abcde"), /length 5 cannot encode whole bytes/);
  });
});
