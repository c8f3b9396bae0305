// Proves that no plaintext personal data of the test people reached a log or the database: every name, date
// of birth, address line, phone and e-mail the simulator invented during the run (MAS_SIMULATOR_RECORD_FILE)
// or that the MOSIP sample identities hold is searched for in the server logs and in a pg_dump of the e2e
// database. Encrypted datashare bodies are opaque bytes and never match. A finding names the file and line,
// or the table and column, and the kind of value: never the value itself.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

/** Shorter values (a bare number, a two-letter name) would match by chance and prove nothing. */
const MIN_LENGTH = 5;

const KINDS = { names: "name", datesOfBirth: "date of birth", addressLines: "address line", phones: "phone", emails: "e-mail" };

/** value → kind, from recorded identities ({ names, datesOfBirth, addressLines, phones, emails } per line). */
export function valuesFromRecords(lines) {
  const values = new Map();
  for (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    for (const [field, kind] of Object.entries(KINDS)) {
      for (const v of record[field] ?? []) if (typeof v === "string" && v.trim().length >= MIN_LENGTH) values.set(v.trim(), kind);
    }
  }
  return values;
}

/** The same fields from a MOSIP ID.json ({ identity: {...} }), language-tagged or plain. */
export function valuesFromIdentityJson(json) {
  const identity = json.identity ?? json;
  const texts = (key) => {
    const v = identity[key];
    if (typeof v === "string") return [v];
    return Array.isArray(v) ? v.map((t) => t?.value).filter((t) => typeof t === "string") : [];
  };
  const dob = texts("dateOfBirth");
  return valuesFromRecords([
    JSON.stringify({
      names: texts("fullName"),
      datesOfBirth: [...dob, ...dob.map((d) => d.replaceAll("/", "-"))],
      addressLines: [...texts("addressLine1"), ...texts("addressLine2"), ...texts("addressLine3")],
      phones: texts("phone"),
      emails: texts("email"),
    }),
  ]);
}

function kindsIn(text, values) {
  const found = new Set();
  for (const [value, kind] of values) if (text.includes(value)) found.add(kind);
  return [...found];
}

/** Findings in a log: "<name>:<line>: <kinds>". */
export function scanLog(name, text, values) {
  const findings = [];
  text.split("\n").forEach((line, i) => {
    const kinds = kindsIn(line, values);
    if (kinds.length) findings.push(`${name}:${i + 1}: ${kinds.join(", ")}`);
  });
  return findings;
}

/** bytea cells come out of COPY as \\x<hex>: searched as text too, so a clear body stored as bytes is caught. */
function cellTexts(cell) {
  const hex = /^\\\\x([0-9a-f]*)$/.exec(cell);
  return hex ? [cell, Buffer.from(hex[1], "hex").toString("utf8")] : [cell];
}

/** Findings in a plain-format pg_dump (COPY blocks): "table.column: kinds", one per column. */
export function scanPgDump(dump, values) {
  const findings = new Map();
  let table = null;
  let columns = [];
  let rows = 0;
  for (const line of dump.split("\n")) {
    if (table === null) {
      const copy = /^COPY ([^ ]+) \((.*)\) FROM stdin;$/.exec(line);
      if (copy) {
        table = copy[1];
        columns = copy[2].split(", ");
      }
      continue;
    }
    if (line === "\\.") {
      table = null;
      continue;
    }
    rows++;
    line.split("\t").forEach((cell, c) => {
      for (const text of cellTexts(cell)) {
        for (const kind of kindsIn(text, values)) {
          const where = `${table}.${columns[c] ?? `column ${c + 1}`}`;
          findings.set(where, new Set([...(findings.get(where) ?? []), kind]));
        }
      }
    });
  }
  return { rows, findings: [...findings].map(([where, kinds]) => `${where}: ${[...kinds].join(", ")}`) };
}

/** Data-only plain dump through Debian's pg_dump (the binaries scripts/lib/postgres.mjs runs the server from). */
export function pgDump(databaseUrl, bin) {
  const r = spawnSync(`${bin}/pg_dump`, ["--data-only", "--no-owner", "--no-privileges", `--dbname=${databaseUrl}`], {
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * The same plain COPY blocks as pgDump, from an embedded PGlite data directory (the demo server's database), which
 * pg_dump cannot reach. Only once the server that owns the directory has stopped: PGlite is one process's.
 */
export async function pgliteDump(dir) {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dir);
  try {
    // Quoted only where needed, as pg_dump writes them.
    const ident = (name) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);
    const tables = await db.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    let dump = "";
    for (const { schema, name } of tables.rows) {
      const table = `${ident(schema)}.${ident(name)}`;
      const columns = await db.query(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
        [schema, name],
      );
      const copy = await db.query(`COPY ${table} TO '/dev/blob'`);
      const rows = copy.blob ? await copy.blob.text() : "";
      dump += `COPY ${schema}.${ident(name)} (${columns.rows.map((c) => ident(c.name)).join(", ")}) FROM stdin;\n${rows}\\.\n`;
    }
    return dump;
  } finally {
    await db.close();
  }
}

/**
 * Runs the whole scan; returns { findings, identities, values }. `recordFiles` are the simulator's
 * MAS_SIMULATOR_RECORD_FILE outputs, `identityFiles` MOSIP sample ID.json files, `logs` the server logs.
 */
export function scanForPii({ recordFiles, identityFiles, logs, dump, dumps = [] }) {
  const values = new Map();
  let identities = 0;
  for (const file of recordFiles.filter((f) => existsSync(f))) {
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    identities += lines.length;
    for (const [v, k] of valuesFromRecords(lines)) values.set(v, k);
  }
  for (const file of identityFiles) for (const [v, k] of valuesFromIdentityJson(JSON.parse(readFileSync(file, "utf8")))) values.set(v, k);
  const findings = [];
  for (const log of logs.filter((f) => existsSync(f))) findings.push(...scanLog(log, readFileSync(log, "utf8"), values));
  // `dump`: the postgresql server's database; `dumps`: more databases, each with a name for its findings.
  const databases = [...(dump === undefined ? [] : [{ name: "database", dump }]), ...dumps];
  let rows = 0;
  for (const db of databases) {
    const scanned = scanPgDump(db.dump, values);
    rows += scanned.rows;
    findings.push(...scanned.findings.map((f) => `${db.name} ${f}`));
  }
  return { findings, identities, values: values.size, rows };
}
