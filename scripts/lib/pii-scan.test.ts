import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pgliteDump, scanForPii, scanLog, scanPgDump, valuesFromIdentityJson, valuesFromRecords } from "./pii-scan.mjs";

const person = {
  names: ["Karim Bennani", "كريم بناني"],
  datesOfBirth: ["1984/07/19", "1984-07-19"],
  addressLines: ["17 Rue des Orangers", "Apartment 12"],
  phones: ["0600123456"],
  emails: ["karim.bennani12@example.org"],
};
const values = valuesFromRecords([JSON.stringify(person)]);
const scratch = mkdtempSync(join(tmpdir(), "mas-pii-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("PII scan", () => {
  it("finds each kind of value in a log line, naming the line and the kind but never the value", () => {
    const log = ["[mas] case opened", "[mas] loaded Karim Bennani", "[mas] mail karim.bennani12@example.org phone 0600123456"].join("\n");
    const findings = scanLog("e2e-postgresql.log", log, values);
    assert.deepEqual(findings, ["e2e-postgresql.log:2: name", "e2e-postgresql.log:3: phone, e-mail"]);
    assert.ok(findings.every((f) => !f.includes("Karim") && !f.includes("0600123456")));
  });

  it("names the table and column of a clear value in a pg_dump, in text, JSON and bytea columns alike", () => {
    const clearBody = Buffer.from('{"fullName":"كريم بناني"}').toString("hex");
    const encrypted = Buffer.from([1, 2, 3, 250]).toString("hex");
    const dump = [
      "SET client_encoding = 'UTF8';",
      'COPY public."Case" (id, note, meta) FROM stdin;',
      'c1\tborn 1984-07-19\t{"street": "17 Rue des Orangers"}',
      "c2\t\\N\t{}",
      "\\.",
      'COPY public."DatashareDownload" (id, body) FROM stdin;',
      `d1\t\\\\x${encrypted}`,
      `d2\t\\\\x${clearBody}`,
      "\\.",
    ].join("\n");
    const { rows, findings } = scanPgDump(dump, values);
    assert.equal(rows, 4);
    assert.deepEqual(findings, [
      'public."Case".note: date of birth',
      'public."Case".meta: address line',
      'public."DatashareDownload".body: name',
    ]);
  });

  it("reads an embedded PGlite database too: a clear value in a text or bytea column is found, an encrypted one is not", async () => {
    const dir = join(scratch, "pglite");
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(dir);
    await db.exec('CREATE TABLE "DatashareDownload" (id text, body bytea); CREATE TABLE "Comment" (id text, "text" text);');
    await db.query('INSERT INTO "DatashareDownload" VALUES ($1, $2), ($3, $4)', [
      "d1",
      Uint8Array.from([1, 2, 250]),
      "d2",
      Buffer.from('{"fullName":"Karim Bennani"}'),
    ]);
    await db.query('INSERT INTO "Comment" VALUES ($1, $2), ($3, $4)', ["c1", "looks fine", "c2", "call 0600123456"]);
    await db.close();
    const dump = await pgliteDump(dir);
    const records = join(scratch, "pglite-ids.ndjson");
    writeFileSync(records, `${JSON.stringify(person)}\n`);
    const result = scanForPii({ recordFiles: [records], identityFiles: [], logs: [], dumps: [{ name: "embedded database", dump }] });
    assert.equal(result.rows, 4);
    assert.deepEqual(result.findings, [
      'embedded database public."Comment".text: phone',
      'embedded database public."DatashareDownload".body: name',
    ]);
  });

  it("ignores values too short to mean anything and reads MOSIP's sample identity shape", () => {
    const fromFixture = valuesFromIdentityJson({
      identity: {
        fullName: [{ language: "eng", value: "Taleev Aalam" }],
        dateOfBirth: "2016/01/01",
        addressLine1: [{ language: "eng", value: "Mind" }],
        phone: "8667693831",
        email: "taleevaalam@mindtree.com",
      },
    });
    assert.deepEqual(
      [...fromFixture].sort(),
      [
        ["2016-01-01", "date of birth"],
        ["2016/01/01", "date of birth"],
        ["8667693831", "phone"],
        ["Taleev Aalam", "name"],
        ["taleevaalam@mindtree.com", "e-mail"],
      ].sort(),
    );
  });

  it("a clean run has no findings; a logged name is one", () => {
    const records = join(scratch, "ids.ndjson");
    writeFileSync(records, `${JSON.stringify(person)}\n`);
    const log = join(scratch, "server.log");
    writeFileSync(log, "[mas] ready\n[mas] case c1 opened\n");
    const clean = scanForPii({ recordFiles: [records, join(scratch, "absent.ndjson")], identityFiles: [], logs: [log] });
    assert.deepEqual(clean.findings, []);
    assert.equal(clean.identities, 1);
    writeFileSync(log, "[mas] ready\n[mas] opened case of كريم بناني\n");
    assert.deepEqual(scanForPii({ recordFiles: [records], identityFiles: [], logs: [log] }).findings, [`${log}:2: name`]);
  });
});
