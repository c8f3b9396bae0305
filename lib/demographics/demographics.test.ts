import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FIXTURE_DIR } from "@/lib/biometrics/testing/fixtures";
import { normaliseIdentity } from "@/lib/mosip/identity";
import { compareDemographics, comparableText } from "./compare";
import { buildDemographics, demographicsFromRawIdentity } from "./demographics-view";
import { humaniseKey, indexSchema } from "./labels";
import { htmlLang, isRtlLanguage, textDirection } from "./text-direction";

const ID_JSON = JSON.parse(readFileSync(join(FIXTURE_DIR, "identity", "ID.json"), "utf8")) as { identity: Record<string, unknown> };
const SCHEMA = JSON.parse(readFileSync(join(FIXTURE_DIR, "schema", "mosip-identity-json-schema-int.json"), "utf8")) as unknown;

/** The packet (datashare) encoding of ID.json: arrays/objects as JSON text, numbers as strings. */
function asPacketStrings(identity: Record<string, unknown>): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(identity).map(([k, v]) => [k, v === null ? null : typeof v === "object" ? JSON.stringify(v) : String(v)]),
  );
}

describe("buildDemographics on ID.json", () => {
  const view = demographicsFromRawIdentity(ID_JSON, { schema: SCHEMA });

  it("lists schema fields in schema order, then fields the schema does not know", () => {
    const keys = view.fields.map((f) => f.key);
    assert.deepEqual(keys.slice(0, 4), ["IDSchemaVersion", "UIN", "fullName", "dateOfBirth"]);
    // ID.json has introducer fields that this schema does not declare: still shown, after the schema's.
    assert.deepEqual(keys.slice(-2), ["introducerOrUIN", "introducerName"]);
    const all = [...keys, ...view.references.map((r) => r.key)].sort();
    assert.deepEqual(all, Object.keys(ID_JSON.identity).sort());
  });

  it("falls back to humanised keys when the schema has no labels", () => {
    const label = (key: string) => view.fields.find((f) => f.key === key)?.label;
    assert.equal(label("fullName"), "Full name");
    assert.equal(label("dateOfBirth"), "Date of birth");
    assert.equal(label("addressLine1"), "Address line 1");
    assert.equal(label("IDSchemaVersion"), "ID schema version");
    assert.equal(label("CNIENumber"), "CNIE number");
  });

  it("keeps every language, Arabic right to left", () => {
    const fullName = view.fields.find((f) => f.key === "fullName")!;
    assert.deepEqual(fullName.values, [
      { language: "eng", text: "Taleev Aalam", dir: "ltr" },
      { language: "arb", text: "محدوة محدوة", dir: "rtl" },
    ]);
    assert.deepEqual(view.languages, ["eng", "arb"]);
  });

  it("shows numbers and plain strings as text, empty values as no value", () => {
    const field = (key: string) => view.fields.find((f) => f.key === key)!;
    assert.deepEqual(field("age").values, [{ language: null, text: "3", dir: "ltr" }]);
    assert.deepEqual(field("postalCode").values, [{ language: null, text: "600112", dir: "ltr" }]);
    assert.deepEqual(
      field("introducerOrUIN").values.map((v) => v.text),
      ["426789089018"],
    );
    assert.deepEqual(field("UIN").values, []);
  });

  it("lists documents and biometrics separately as references", () => {
    assert.deepEqual(
      view.references.map((r) => [r.key, r.kind, r.format, r.type, r.value]),
      [
        ["proofOfAddress", "document", "jpg", "Passport", "POA_Passport"],
        ["proofOfIdentity", "document", "jpg", "Passport", "POI_Passport"],
        ["proofOfRelationship", "document", "jpg", "Passport", "POR_Passport"],
        ["proofOfDateOfBirth", "document", "jpg", "Passport", "POB_Passport"],
        ["individualBiometrics", "biometric", "cbeff", null, "applicant_bio_CBEFF"],
        ["introducerBiometrics", "biometric", "cbeff", null, "introducer_bio_CBEFF"],
      ],
    );
    assert.ok(!view.fields.some((f) => f.values.some((v) => v.text.includes("POA_Passport"))));
  });

  it("gives the same view for the packet and idrepo encodings", () => {
    const packet = asPacketStrings(ID_JSON.identity);
    const idrepo = Object.fromEntries(Object.entries(packet).map(([k, v]) => [k, JSON.stringify(v)]));
    const fromPacket = buildDemographics(normaliseIdentity(packet), { schema: SCHEMA });
    const fromIdrepo = buildDemographics(normaliseIdentity(idrepo), { schema: SCHEMA });
    assert.deepEqual(fromPacket, fromIdrepo);
    assert.deepEqual(fromPacket.references, view.references);
    assert.deepEqual(
      fromPacket.fields.find((f) => f.key === "gender"),
      view.fields.find((f) => f.key === "gender"),
    );
  });

  it("works without a schema and with an unrecognised one", () => {
    const bare = demographicsFromRawIdentity(ID_JSON);
    assert.deepEqual(
      bare.fields.map((f) => f.key),
      Object.keys(ID_JSON.identity).filter((k) => !bare.references.some((r) => r.key === k)),
    );
    assert.deepEqual(demographicsFromRawIdentity(ID_JSON, { schema: { nonsense: true } }), bare);
    assert.deepEqual(buildDemographics(null), { fields: [], references: [], languages: [] });
  });
});

describe("schema labels", () => {
  it("uses JSON Schema titles", () => {
    const schema = { properties: { identity: { properties: { fullName: { title: "Name" }, gender: {} } } } };
    const view = demographicsFromRawIdentity(ID_JSON, { schema });
    assert.equal(view.fields[0].label, "Name");
    assert.equal(view.fields[1].label, "Gender");
  });

  it("uses UI schema labels in the preferred language, then any", () => {
    const schema = {
      schema: [
        { id: "gender", label: { ara: "الجنس", eng: "Sex" }, type: "simpleType" },
        { id: "fullName", label: { fra: "Nom complet" } },
        { id: "proofOfAddress", label: { eng: "Address proof" }, type: "documentType" },
      ],
    };
    const view = demographicsFromRawIdentity(ID_JSON, { schema });
    assert.deepEqual(
      view.fields.slice(0, 2).map((f) => f.label),
      ["Sex", "Nom complet"],
    );
    assert.equal(view.references[0].label, "Address proof");
    const arabic = demographicsFromRawIdentity(ID_JSON, { schema, labelLanguages: ["ara"] });
    assert.equal(arabic.fields[0].label, "الجنس");
  });

  it("treats a declared document field without a value as an empty reference", () => {
    const view = buildDemographics(normaliseIdentity({ proofOfAddress: null }), { schema: SCHEMA });
    assert.deepEqual(view.fields, []);
    assert.deepEqual(view.references, [
      { key: "proofOfAddress", label: "Proof of address", kind: "document", format: null, type: null, value: null },
    ]);
    assert.equal(indexSchema(SCHEMA).byKey.get("individualBiometrics")?.kind, "biometric");
  });

  it("humanises keys", () => {
    assert.equal(humaniseKey("parentOrGuardianRIDOrUIN"), "Parent or guardian RID or UIN");
    assert.equal(humaniseKey("address_line2"), "Address line 2");
    assert.equal(humaniseKey("email"), "Email");
  });
});

describe("text direction", () => {
  it("marks Arabic, Farsi, Urdu and Hebrew right to left, by code or by script", () => {
    for (const lang of ["ara", "arb", "ar", "ar-SA", "fas", "per", "fa", "urd", "heb", "he"]) assert.ok(isRtlLanguage(lang), lang);
    for (const lang of ["eng", "fra", "hin", "tam", "kan", ""]) assert.ok(!isRtlLanguage(lang), lang);
    assert.equal(textDirection("محدوة"), "rtl");
    assert.equal(textDirection("שלום"), "rtl");
    assert.equal(textDirection("123 محدوة"), "rtl");
    assert.equal(textDirection("Chennai"), "ltr");
    assert.equal(textDirection("2016/01/01"), "ltr");
    assert.equal(textDirection("Latin text", "ara"), "rtl");
    assert.deepEqual(["ara", "arb", "eng", "fas", "urd", "heb", "ar-SA", "xyz"].map(htmlLang), [
      "ar",
      "ar",
      "en",
      "fa",
      "ur",
      "he",
      "ar",
      "xyz",
    ]);
  });
});

describe("compareDemographics", () => {
  const applicant = demographicsFromRawIdentity(ID_JSON, { schema: SCHEMA });

  function candidateWith(changes: Record<string, unknown>) {
    const identity: Record<string, unknown> = { ...ID_JSON.identity, ...changes };
    for (const [k, v] of Object.entries(changes)) if (v === undefined) delete identity[k];
    return demographicsFromRawIdentity({ identity }, { schema: SCHEMA });
  }

  it("finds an identical record the same in every field", () => {
    const result = compareDemographics(applicant, candidateWith({}));
    assert.ok(result.length > 0);
    assert.ok(
      result.every((r) => r.status === "same"),
      JSON.stringify(result.filter((r) => r.status !== "same")),
    );
  });

  it("ignores case, spacing and diacritics, per language", () => {
    const candidate = candidateWith({
      fullName: [
        { language: "eng", value: "  taleev   AALAM " },
        { language: "arb", value: "مَحْدُوة مـحدوة" },
      ],
      city: [
        { language: "eng", value: "Chénnai" },
        { language: "arb", value: "محدوة" },
      ],
    });
    const byKey = new Map(compareDemographics(applicant, candidate).map((r) => [r.key, r]));
    assert.equal(byKey.get("fullName")?.status, "same");
    assert.equal(byKey.get("city")?.status, "same");
  });

  it("reports different values and which language differs", () => {
    const candidate = candidateWith({
      fullName: [
        { language: "eng", value: "Taleev Aalam" },
        { language: "arb", value: "اسم آخر" },
      ],
      dateOfBirth: "2015/01/01",
    });
    const byKey = new Map(compareDemographics(applicant, candidate).map((r) => [r.key, r]));
    assert.equal(byKey.get("fullName")?.status, "different");
    assert.deepEqual(byKey.get("fullName")?.languages, [
      { language: "eng", status: "same" },
      { language: "arb", status: "different" },
    ]);
    assert.equal(byKey.get("dateOfBirth")?.status, "different");
  });

  it("reports fields or languages missing on one side", () => {
    const candidate = candidateWith({
      email: undefined,
      phone: "",
      province: [{ language: "eng", value: "Tamilnadu" }],
      nickname: [{ language: "eng", value: "T" }],
    });
    const result = compareDemographics(applicant, candidate);
    const byKey = new Map(result.map((r) => [r.key, r]));
    assert.equal(byKey.get("email")?.status, "missingOnOneSide");
    assert.equal(byKey.get("phone")?.status, "missingOnOneSide");
    assert.equal(byKey.get("nickname")?.status, "missingOnOneSide");
    assert.equal(result.at(-1)?.key, "nickname");
    // The shared language agrees; the Arabic value exists only for the applicant.
    assert.equal(byKey.get("province")?.status, "same");
    assert.deepEqual(byKey.get("province")?.languages, [
      { language: "eng", status: "same" },
      { language: "arb", status: "missingOnOneSide" },
    ]);
  });

  it("normalises text for comparison", () => {
    assert.equal(comparableText("  José\tNÚÑEZ  "), "jose nunez");
    assert.equal(comparableText("ﬁne"), "fine");
    assert.equal(comparableText("مُحَمَّد"), comparableText("محمد"));
  });
});
