import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createTranslator } from "use-intl/core";
import { describeBiometric, type Translate } from "./describe-biometric";

// The messages as the screens use them, formatted by the same ICU library as next-intl.
function translator(code: "eng" | "fra" | "ara", locale: string): Translate {
  const messages = JSON.parse(readFileSync(join(process.cwd(), "messages", `${code}.json`), "utf8"));
  return createTranslator({ locale, messages }) as unknown as Translate;
}
const number = (locale: string, n: number) => new Intl.NumberFormat(locale).format(n);

test("an image is described by its position and its quality, rounded, in each language", () => {
  assert.equal(describeBiometric(translator("eng", "en"), { slot: "RIGHT_THUMB", quality: 78 }), "Right thumb, quality 78");
  assert.equal(describeBiometric(translator("fra", "fr"), { slot: "RIGHT_THUMB", quality: 77.6 }), "Pouce droit, qualité 78");
  assert.equal(
    describeBiometric(translator("ara", "ar"), { slot: "RIGHT_THUMB", quality: 78 }),
    `الإبهام الأيمن، الجودة ${number("ar", 78)}`,
  );
});

test("left and right keep their anatomical meaning, faces and irises are named too", () => {
  const t = translator("eng", "en");
  assert.equal(describeBiometric(t, { slot: "LEFT_LITTLE", quality: 41 }), "Left little, quality 41");
  assert.equal(describeBiometric(t, { slot: "FACE", quality: 90 }), "Face, quality 90");
  assert.equal(describeBiometric(t, { slot: "LEFT_IRIS", quality: 0 }), "Left iris, quality 0");
  const ar = translator("ara", "ar");
  assert.notEqual(describeBiometric(ar, { slot: "RIGHT_IRIS", quality: 5 }), describeBiometric(ar, { slot: "LEFT_IRIS", quality: 5 }));
});

test("an image without a quality score says so rather than showing a number", () => {
  assert.equal(describeBiometric(translator("eng", "en"), { slot: "FACE", quality: null }), "Face, quality not given");
  assert.equal(describeBiometric(translator("fra", "fr"), { slot: "FACE", quality: null }), "Visage, qualité non indiquée");
  assert.doesNotMatch(describeBiometric(translator("ara", "ar"), { slot: "FACE", quality: null }), /\d/);
});

test("where the image stands alone, it also says whose it is", () => {
  assert.equal(
    describeBiometric(translator("eng", "en"), { slot: "RIGHT_INDEX", quality: 62, subject: "Candidate 2" }),
    "Candidate 2: Right index, quality 62",
  );
  assert.equal(
    describeBiometric(translator("fra", "fr"), { slot: "RIGHT_INDEX", quality: 62, subject: "Demandeur" }),
    "Demandeur : Index droit, qualité 62",
  );
});
