import assert from "node:assert/strict";
import { test } from "node:test";
import { errorMessageKey } from "./api-error-message";
import { chooseUiLanguage, directionOf, parseUiLanguages, tagOf } from "./ui-languages";

const OFFERED = ["eng", "fra", "ara"];

test("MOSIP's ISO 639-3 codes become BCP 47 tags; Arabic reads right to left", () => {
  assert.deepEqual(["eng", "fra", "ara", "spa", "tam"].map(tagOf), ["en", "fr", "ar", "es", "ta"]);
  assert.equal(tagOf("xqz"), null);
  assert.equal(tagOf("fr"), null);
  assert.deepEqual(OFFERED.map(directionOf), ["ltr", "ltr", "rtl"]);
});

test("MAS_UI_LANGUAGES takes known ISO 639-3 codes, each once", () => {
  assert.deepEqual(parseUiLanguages(" eng, fra ,ara "), { languages: OFFERED });
  assert.match((parseUiLanguages("en,fr") as { problem: string }).problem, /not an ISO 639-3 code/);
  assert.match((parseUiLanguages("eng,xqz") as { problem: string }).problem, /not a language/);
  assert.match((parseUiLanguages("eng,eng") as { problem: string }).problem, /twice/);
  assert.match((parseUiLanguages(" , ") as { problem: string }).problem, /no language/);
});

test("the preference wins, then the cookie, then the browser's best offered match, then the first offered", () => {
  assert.equal(chooseUiLanguage({ preference: "ara", cookie: "fra", acceptLanguage: "en" }, OFFERED), "ara");
  assert.equal(chooseUiLanguage({ preference: null, cookie: "fra", acceptLanguage: "ar" }, OFFERED), "fra");
  assert.equal(chooseUiLanguage({ acceptLanguage: "fr-CA,fr;q=0.9,en;q=0.8" }, OFFERED), "fra");
  assert.equal(chooseUiLanguage({ acceptLanguage: "de-DE, ar-MA;q=0.5, en;q=0.2" }, OFFERED), "ara");
  assert.equal(chooseUiLanguage({ acceptLanguage: "de-DE,de;q=0.9" }, OFFERED), "eng");
  assert.equal(chooseUiLanguage({ acceptLanguage: "fr;q=0, ar" }, OFFERED), "ara");
  // A language no longer offered is skipped, wherever it comes from.
  assert.equal(chooseUiLanguage({ preference: "spa", cookie: "tam", acceptLanguage: "es" }, ["fra", "eng"]), "fra");
});

test("API errors are worded by status, code and field; unknown answers keep the server's text", () => {
  assert.equal(errorMessageKey({ status: 409 }), "conflict");
  assert.equal(errorMessageKey({ status: 400, field: "language" }), "invalidField");
  assert.equal(errorMessageKey({ status: 400 }), "invalid");
  assert.equal(errorMessageKey({ status: 403, code: "password_change_required" }), "passwordChangeRequired");
  assert.equal(errorMessageKey({ status: 403 }), "forbidden");
  assert.equal(errorMessageKey({ status: 418 }), null);
  assert.equal(errorMessageKey(null), null);
});
