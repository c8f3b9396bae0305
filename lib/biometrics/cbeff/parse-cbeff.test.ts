import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { CBEFF_SAMPLES, readFixture } from "../testing/fixtures";
import { CbeffError, decodeBiometricsField, MAX_CBEFF_XML_BYTES, parseCbeff } from "./parse-cbeff";

const packetXml = () => readFixture(CBEFF_SAMPLES.packet12).toString("utf8");

function isoPositionOf(bdb: Buffer): string | null {
  const rep = parseIsoRecord(bdb).representations[0];
  if ("position" in rep) return rep.position;
  if ("eye" in rep) return rep.eye;
  return null;
}

describe("parseCbeff on MOSIP's 1.2 packet sample", () => {
  const { birs } = parseCbeff(readFixture(CBEFF_SAMPLES.packet12));

  it("yields one BIR per biometric: 10 fingers, 2 irises, 1 face", () => {
    assert.equal(birs.length, 13);
    const count = (type: string) => birs.filter((b) => b.type === type).length;
    assert.equal(count("Finger"), 10);
    assert.equal(count("Iris"), 2);
    assert.equal(count("Face"), 1);
  });

  it("normalises subtypes: all ten fingers once, both eyes, no subtype for the face", () => {
    const fingers = birs
      .filter((b) => b.type === "Finger")
      .map((b) => b.subtype)
      .sort();
    assert.deepEqual(fingers, [
      "LEFT_INDEX",
      "LEFT_LITTLE",
      "LEFT_MIDDLE",
      "LEFT_RING",
      "LEFT_THUMB",
      "RIGHT_INDEX",
      "RIGHT_LITTLE",
      "RIGHT_MIDDLE",
      "RIGHT_RING",
      "RIGHT_THUMB",
    ]);
    assert.deepEqual(
      birs
        .filter((b) => b.type === "Iris")
        .map((b) => b.subtype)
        .sort(),
      ["LEFT", "RIGHT"],
    );
    const face = birs.find((b) => b.type === "Face")!;
    assert.equal(face.subtype, null);
    assert.equal(face.rawSubtype, "");
    assert.equal(birs[0].rawSubtype, "Left LittleFinger");
  });

  it("reads format, quality, dates, index and Others", () => {
    const first = birs[0];
    assert.deepEqual(first.format, { organization: "Mosip", type: "7" });
    assert.equal(first.qualityScore, 80);
    assert.equal(first.creationDate, "2021-08-11T10:32:48.121201800Z");
    assert.equal(first.bdbIndex, "086e059f-6baa-4824-9f2b-8e2807de3947");
    assert.equal(first.level, "Raw");
    assert.equal(first.purpose, "Enroll");
    assert.deepEqual(Object.keys(first.others), ["EXCEPTION", "RETRIES", "SDK_SCORE", "FORCE_CAPTURED", "PAYLOAD", "SPEC_VERSION"]);
    assert.equal(first.others.RETRIES, "1");
    assert.equal(first.others.SPEC_VERSION, "0.9.5");
    assert.equal(first.exception, false);
    assert.ok(birs.every((b) => b.qualityScore === 80 && b.exception === false));
    assert.deepEqual([...new Set(birs.map((b) => b.format.type))].sort(), ["7", "8", "9"]);
  });

  it("decodes XML entities in values exactly once", () => {
    const payload = birs[0].others.PAYLOAD;
    assert.ok(payload.includes('"bioValue":"<bioValue>"'));
    assert.ok(!payload.includes("&lt;"));
    assert.equal(JSON.parse(payload).bioType, "Finger");
  });

  it("decodes every BDB to an ISO record whose modality and position agree with the CBEFF header", () => {
    for (const bir of birs) {
      assert.ok(bir.bdb && bir.bdb.length > 0, `BIR ${bir.index} has a BDB`);
      const record = parseIsoRecord(bir.bdb);
      assert.equal(record.modality, bir.type);
      assert.equal(isoPositionOf(bir.bdb), bir.subtype ?? null);
    }
  });
});

describe("parseCbeff on the FIR 010 ten-finger sample", () => {
  it("yields ten 2005-format fingers with organisation 257", () => {
    const { birs } = parseCbeff(readFixture(CBEFF_SAMPLES.fingers010));
    assert.equal(birs.length, 10);
    for (const bir of birs) {
      assert.equal(bir.type, "Finger");
      assert.deepEqual(bir.format, { organization: "257", type: "7" });
      assert.equal(bir.qualityScore, 100);
      assert.deepEqual(bir.others, {});
      assert.equal(bir.exception, false);
      const record = parseIsoRecord(bir.bdb!);
      assert.equal(record.version, "010");
      assert.equal(isoPositionOf(bir.bdb!), bir.subtype);
    }
    assert.equal(new Set(birs.map((b) => b.subtype)).size, 10);
  });
});

describe("parseCbeff variants", () => {
  it("marks exception biometrics and allows their BDB to be empty or absent", () => {
    let xml = packetXml();
    xml = xml.replace("<Key>EXCEPTION</Key>\n            <Value>false</Value>", "<Key>EXCEPTION</Key>\n            <Value>true</Value>");
    xml = xml.replace(/<BDB>[^<]*<\/BDB>/, "<BDB></BDB>");
    xml = xml.replace(/(<BIR>(?:(?!<BIR>)[\s\S])*?)<BDB>[^<]*<\/BDB>((?:(?!<BIR>)[\s\S])*?<Subtype>Right Thumb)/, "$1$2");
    const { birs } = parseCbeff(xml);
    assert.equal(birs.length, 13);
    assert.equal(birs[0].exception, true);
    assert.equal(birs[0].others.EXCEPTION, "true");
    assert.equal(birs[0].bdb, null);
    assert.equal(birs.filter((b) => b.exception).length, 1);
    assert.equal(birs.filter((b) => b.bdb === null).length, 1);
  });

  it("accepts the XSD's <others><entry key=...> layout", () => {
    const xml = `<BIR xmlns="http://standards.iso.org/iso-iec/19785/-3/ed-2/"><BIRInfo><Integrity>false</Integrity></BIRInfo>
      <BIR><BIRInfo><Integrity>false</Integrity></BIRInfo><BDBInfo><Type>Iris</Type><Subtype>Right</Subtype></BDBInfo>
      <others><entry key="EXCEPTION">TRUE</entry><entry key="RETRIES">3</entry><entry key="__proto__">x</entry></others></BIR></BIR>`;
    const [bir] = parseCbeff(xml).birs;
    assert.equal(bir.exception, true);
    assert.equal(bir.others.RETRIES, "3");
    assert.equal(Object.getPrototypeOf(bir.others), Object.prototype, "a '__proto__' key stays a plain data entry");
    assert.equal(Object.getOwnPropertyDescriptor(bir.others, "__proto__")?.value, "x");
    assert.equal(bir.bdb, null);
    assert.equal(bir.qualityScore, null);
  });

  it("ignores namespace prefixes and accepts the older OASIS namespace", () => {
    const prefixed = packetXml()
      .replace(
        'xmlns="http://standards.iso.org/iso-iec/19785/-3/ed-2/"',
        'xmlns:ns2="http://docs.oasis-open.org/bias/ns/biaspatronformat-1.0/"',
      )
      .replace(/<(\/?)([A-Za-z])/g, "<$1ns2:$2");
    assert.match(prefixed, /<ns2:BDBInfo>/);
    const a = parseCbeff(prefixed).birs;
    const b = parseCbeff(packetXml()).birs;
    assert.deepEqual(a, b);
  });

  it("accepts a single BIR that is not wrapped in a parent BIR", () => {
    const xml = `<?xml version="1.0"?><BIR><BIRInfo><Integrity>false</Integrity></BIRInfo>
      <BDBInfo><Format><Organization>Mosip</Organization><Type>8</Type></Format><Type>Face</Type><Subtype/>
      <Quality><Algorithm><Organization>HMAC</Organization><Type>SHA-256</Type></Algorithm><Score>77</Score></Quality></BDBInfo>
      <BDB>${readFixture("iso/face-fac030-jp2-lossy.iso")
        .toString("base64")
        .replace(/(.{76})/g, "$1\n")}</BDB></BIR>`;
    const { birs } = parseCbeff(xml);
    assert.equal(birs.length, 1);
    assert.equal(birs[0].type, "Face");
    assert.equal(birs[0].qualityScore, 77);
    assert.ok(birs[0].bdb!.equals(readFixture("iso/face-fac030-jp2-lossy.iso")), "line-wrapped base64 decodes exactly");
  });

  it("parses the datashare form: URL-safe base64 without padding of the XML", () => {
    const bytes = readFixture(CBEFF_SAMPLES.packet12);
    const field = bytes.toString("base64url");
    assert.doesNotMatch(field, /=$/);
    const xml = decodeBiometricsField(field);
    assert.deepEqual(parseCbeff(xml), parseCbeff(bytes));
  });

  it("accepts a UTF-8 byte order mark", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFixture(CBEFF_SAMPLES.fingers010)]);
    assert.equal(parseCbeff(withBom).birs.length, 10);
  });
});

describe("parseCbeff hardening", () => {
  const rejects = (xml: string | Buffer, pattern: RegExp) =>
    assert.throws(
      () => parseCbeff(xml),
      (e: unknown) => e instanceof CbeffError && pattern.test(e.message),
    );

  it("refuses DOCTYPE and ENTITY declarations (no entity expansion attacks)", () => {
    rejects('<?xml version="1.0"?><!DOCTYPE BIR [<!ENTITY a "aaaa">]><BIR>&a;</BIR>', /<!DOCTYPE or <!ENTITY/);
    rejects('<BIR><!ENTITY x SYSTEM "file:///etc/passwd"></BIR>', /<!DOCTYPE or <!ENTITY/);
    rejects("<!doctype BIR><BIR/>", /<!DOCTYPE or <!ENTITY/);
  });

  it("enforces the size limit before parsing", () => {
    assert.equal(MAX_CBEFF_XML_BYTES, 64 * 1024 * 1024);
    rejects(Buffer.alloc(MAX_CBEFF_XML_BYTES + 1, 0x20), /over the 67108864-byte limit/);
  });

  it("reports malformed XML with its position", () => {
    rejects("<BIR><BDBInfo></BIR>", /not well-formed \(line 1, column \d+\)/);
    rejects("", /empty/);
    rejects("<Other/>", /no root <BIR>/);
  });

  it("rejects a BDB that is not base64", () => {
    rejects("<BIR><BIRInfo/><BDBInfo><Type>Finger</Type></BDBInfo><BDB>not*base64!</BDB></BIR>", /BIR 1: <BDB> is not valid base64/);
  });
});
