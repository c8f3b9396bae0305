import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { identityText, normaliseIdentity } from "@/lib/mosip/identity";
import { createRng, uuidFrom } from "./prng";
import { flattenIdrepo } from "./subject-datashare";
import { duplicateProfile, flattenIdentity, generateProfile, lookAlikeProfile, toIdentityJson } from "./synthetic-identity";

const ARABIC = /[\u0600-\u06FF]/;
const LANGUAGE_FIELDS = [
  "fullName",
  "gender",
  "residenceStatus",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "region",
  "province",
  "city",
  "zone",
];

describe("synthetic identity", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    assert.deepEqual(generateProfile(createRng(7)), generateProfile(createRng(7)));
    assert.notDeepEqual(generateProfile(createRng(7)), generateProfile(createRng(8)));
    assert.equal(uuidFrom(createRng(1)), uuidFrom(createRng(1)));
    assert.match(uuidFrom(createRng(1)), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has the ID-schema fields, each language field in eng and ara (Arabic script)", () => {
    for (let seed = 0; seed < 20; seed++) {
      const id = toIdentityJson(generateProfile(createRng(seed)), { documents: ["proofOfAddress"] });
      for (const field of LANGUAGE_FIELDS) {
        const values = id[field] as { language: string; value: string }[];
        assert.deepEqual(
          values.map((v) => v.language),
          ["eng", "ara"],
          field,
        );
        assert.match(values[1].value, ARABIC, `${field} ara`);
        assert.doesNotMatch(values[0].value, ARABIC, `${field} eng`);
      }
      assert.match(id.dateOfBirth as string, /^\d{4}\/\d{2}\/\d{2}$/);
      assert.match(id.postalCode as string, /^\d{5}$/);
      assert.match(id.phone as string, /^0600\d{6}$/);
      assert.match(id.email as string, /@example\.org$/);
      assert.deepEqual(id.proofOfAddress, { value: "proofOfAddress", type: "DOC006", format: "png" });
    }
  });

  it("flattens like the packet source and normalises back to both languages with lib/mosip/identity", () => {
    const json = toIdentityJson(generateProfile(createRng(3)));
    const flat = flattenIdentity(json);
    for (const v of Object.values(flat)) assert.ok(v === null || typeof v === "string");
    assert.ok(flat.fullName!.startsWith('[{"language":"eng","value":'));
    assert.equal(flat.dateOfBirth, json.dateOfBirth);
    assert.equal(flat.IDSchemaVersion, "0.2");
    const normal = normaliseIdentity(flat)!;
    const name = normal.fullName;
    assert.equal(name?.kind, "multilang");
    assert.deepEqual(name.kind === "multilang" && name.values.map((v) => v.language), ["eng", "ara"]);
    assert.match(identityText(name, ["ara"])!, ARABIC);
    assert.deepEqual(normal.dateOfBirth, { kind: "text", value: json.dateOfBirth });
    // The ID-repository encoding (every value JSON-quoted) normalises to the same thing.
    assert.deepEqual(normaliseIdentity(flattenIdrepo(json)), normal);
  });

  it("keeps a duplicate's birth date and gender, and a look-alike's family name, gender and city", () => {
    for (let seed = 0; seed < 10; seed++) {
      const rng = createRng(seed);
      const p = generateProfile(rng);
      const dup = duplicateProfile(p, rng);
      assert.deepEqual(dup.dateOfBirth, p.dateOfBirth);
      assert.equal(dup.gender, p.gender);
      assert.equal(dup.family, p.family);
      const look = lookAlikeProfile(p, rng);
      assert.equal(look.family, p.family);
      assert.equal(look.gender, p.gender);
      assert.equal(look.city, p.city);
      assert.notDeepEqual(look.dateOfBirth, p.dateOfBirth);
    }
  });
});
