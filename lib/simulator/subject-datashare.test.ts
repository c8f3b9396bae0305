import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseCbeff } from "@/lib/biometrics/cbeff/parse-cbeff";
import { decodeBiometric } from "@/lib/biometrics/image/decode-biometric";
import { parseIsoRecord } from "@/lib/biometrics/iso/parse-iso-record";
import { decryptDatashare } from "@/lib/crypto/decrypt-datashare";
import { generatePartnerKey, type GeneratedPartnerKey } from "@/lib/crypto/generate-partner-key";
import { createKeyRing, type KeyRing } from "@/lib/crypto/key-ring";
import { detectDatashareError, parseDatasharePayload } from "@/lib/mosip/datashare-envelope";
import { identityText } from "@/lib/mosip/identity";
import { createScenario, type SimSubject } from "./scenario";
import { generateSubjectCbeff } from "./subject-cbeff";
import { encodeDatashareBody } from "./build-datashare";
import { buildSubjectBody, buildSubjectPayload } from "./subject-datashare";

const THUMB = [{ size: "thumb", format: "png" }] as const;
let key: GeneratedPartnerKey;
let ring: KeyRing;
let applicant: SimSubject;
let candidate: SimSubject;
let verification: SimSubject;

before(() => {
  key = generatePartnerKey({ commonName: "simulator-test" });
  ring = createKeyRing([{ privateKeyPem: key.privateKeyPem, certificatePem: key.certificatePem }]);
  const s = createScenario({ seed: 11, adjudications: 1, candidates: 1, verifications: 1, publicUrl: "http://127.0.0.1:1" });
  applicant = s.requests[0].applicant;
  candidate = s.requests[0].gallery[0];
  verification = s.requests[1].applicant;
});

describe("subject CBEFF", () => {
  it("parses with lib/biometrics and every ISO record decodes to an image of the declared size", async () => {
    const xml = await generateSubjectCbeff({ personSeed: 5, captureSeed: 6, female: true }, { exceptions: ["LEFT_LITTLE"] });
    const doc = parseCbeff(xml);
    assert.equal(doc.birs.length, 13);
    const types = doc.birs.map((b) => `${b.type}:${b.subtype ?? ""}`);
    assert.ok(
      types.includes("Face:") && types.includes("Iris:LEFT") && types.includes("Iris:RIGHT") && types.includes("Finger:RIGHT_THUMB"),
    );
    const missing = doc.birs.find((b) => b.subtype === "LEFT_LITTLE")!;
    assert.equal(missing.exception, true);
    assert.equal(missing.bdb, null);
    for (const bir of doc.birs.filter((b) => !b.exception)) {
      assert.equal(bir.format.organization, "Mosip");
      assert.equal(bir.format.type, { Finger: "7", Face: "8", Iris: "9" }[bir.type]);
      assert.ok(bir.qualityScore! > 0 && bir.qualityScore! <= 100);
      const record = parseIsoRecord(bir.bdb!);
      const rep = record.representations[0];
      assert.equal(rep.qualityBlocks[0].score, bir.qualityScore);
      if (bir.type === "Finger") assert.equal((rep as { position: string }).position, bir.subtype);
      if (bir.type === "Iris") assert.equal((rep as { eye: string }).eye, bir.subtype);
      const decoded = await decodeBiometric(bir.bdb!, { variants: [...THUMB] });
      const r = decoded.representations[0];
      assert.equal(r.error, null, `${bir.type} ${bir.subtype}`);
      assert.deepEqual(r.warnings, []);
      assert.deepEqual([r.decoded?.width, r.decoded?.height], [rep.width, rep.height]);
    }
  });

  it("can carry WSQ fingers that decode", async () => {
    const others = [
      "RIGHT_THUMB",
      "RIGHT_INDEX",
      "RIGHT_MIDDLE",
      "RIGHT_RING",
      "RIGHT_LITTLE",
      "LEFT_THUMB",
      "LEFT_MIDDLE",
      "LEFT_RING",
      "LEFT_LITTLE",
    ] as const;
    const xml = await generateSubjectCbeff(
      { personSeed: 5, captureSeed: 7, female: true },
      { fingerCodec: "WSQ", modalities: ["Finger"], exceptions: [...others] },
    );
    const bir = parseCbeff(xml).birs.find((b) => !b.exception)!;
    assert.equal(bir.subtype, "LEFT_INDEX");
    const r = (await decodeBiometric(bir.bdb!, { variants: [...THUMB] })).representations[0];
    assert.equal(r.codec, "WSQ");
    assert.equal(r.error, null);
    assert.deepEqual([r.decoded?.width, r.decoded?.height], [300, 400]);
  });
});

describe("subject datashare bodies", () => {
  it("VER_R2: decrypts with the partner key ring into a payload with CBEFF and eng+ara identity, no documents", async () => {
    const body = await buildSubjectBody(applicant, { encryption: "VER_R2", certificate: key.certificate });
    assert.match(body, /^[A-Za-z0-9_-]+$/);
    assert.equal(detectDatashareError(body), null);
    const plain = decryptDatashare(body, ring);
    assert.equal(plain.format, "VER_R2");
    assert.equal(plain.thumbprintHex, key.thumbprintHex);
    const parsed = parseDatasharePayload(plain.plaintext);
    assert.ok(parsed.ok);
    const p = parsed.payload;
    assert.equal(parseCbeff(p.biometricsXml!).birs.length, 13);
    assert.match(identityText(p.identity!.fullName, ["ara"])!, /[\u0600-\u06FF]/);
    assert.doesNotMatch(identityText(p.identity!.fullName, ["eng"])!, /[\u0600-\u06FF]/);
    assert.equal(p.documents, null);
    assert.equal(p.metaInfo?.registrationId, applicant.rid);
    assert.ok(Array.isArray(p.audits) && p.audits.length > 0);
    assert.deepEqual(p.warnings, []);
  });

  it("LEGACY and none (plain JSON) also work; an idrepo-sourced candidate normalises the same way", async () => {
    const payload = await buildSubjectPayload(candidate);
    const legacy = decryptDatashare(encodeDatashareBody(payload, { encryption: "LEGACY", certificate: key.certificatePem }), ring);
    assert.equal(legacy.format, "LEGACY");
    const plain = encodeDatashareBody(payload, { encryption: "none" });
    assert.equal(decryptDatashare(plain, null).format, "PLAIN");
    const raw = JSON.parse(plain) as { identity: Record<string, string>; biometrics: string };
    assert.doesNotMatch(raw.biometrics, /[+/=]/);
    if (candidate.source === "idrepo") assert.match(raw.identity.dateOfBirth, /^"\d{4}\/\d{2}\/\d{2}"$/);
    const parsed = parseDatasharePayload(legacy.plaintext);
    assert.ok(parsed.ok);
    assert.equal(parsed.payload.identity!.dateOfBirth?.kind, "text");
  });

  it("verification subjects carry a PNG proof of address, a PDF and finger exceptions", async () => {
    const parsed = parseDatasharePayload(await buildSubjectBody(verification, { encryption: "none" }));
    assert.ok(parsed.ok);
    const docs = parsed.payload.documents!;
    assert.deepEqual(docs.proofOfAddress!.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const pdf = docs.proofOfIdentity!.toString("latin1");
    assert.ok(pdf.startsWith("%PDF-1.4") && pdf.trimEnd().endsWith("%%EOF"));
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    assert.equal(pdf.slice(xref, xref + 4), "xref");
    const birs = parseCbeff(parsed.payload.biometricsXml!).birs;
    assert.equal(birs.filter((b) => b.exception).length, 4);
    assert.equal(parsed.payload.identity!.proofOfAddress?.kind, "json");
  });
});
