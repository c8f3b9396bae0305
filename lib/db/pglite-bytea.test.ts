import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { BYTEA_OID, FAST_BYTEA_OPTIONS, fastByteaClient } from "./pglite-bytea";

let lite: PGlite;
before(async () => {
  lite = await PGlite.create(FAST_BYTEA_OPTIONS);
  await lite.exec(`CREATE TABLE share (id int PRIMARY KEY, body bytea)`);
});
after(() => lite.close());

// What the Prisma adapter passes with every query: its own bytea parser, one parseInt per byte.
const perByteParser = () => {
  throw new Error("the per-byte bytea parser was used");
};

/** Bytes that refuse to be walked one at a time: PGlite's own serializer does Array.from(bytes). */
function unwalkable(bytes: Buffer): Uint8Array {
  const u = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  Object.defineProperty(u, Symbol.iterator, {
    value: () => {
      throw new Error("bytea serialised byte by byte");
    },
  });
  return u;
}

test("bytea parameters are written with Buffer's hex codec, as PostgreSQL reads them", async () => {
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const r = await lite.query<{ hex: string; n: number }>(`SELECT encode($1::bytea, 'hex') AS hex, length($1::bytea) AS n`, [
    unwalkable(every),
  ]);
  assert.equal(r.rows[0].hex, every.toString("hex"));
  assert.equal(r.rows[0].n, 256);
});

test("a body of megabytes round-trips through the client the adapter gets, inside a transaction too", async () => {
  const client = fastByteaClient(lite);
  const body = randomBytes(3 * 1024 * 1024);
  await client.transaction(async (tx) => {
    await tx.query(`INSERT INTO share (id, body) VALUES (1, $1)`, [unwalkable(body)], { parsers: { [BYTEA_OID]: perByteParser } });
    const inTx = await tx.query<[Uint8Array]>(`SELECT body FROM share WHERE id = 1`, [], {
      rowMode: "array",
      parsers: { [BYTEA_OID]: perByteParser },
    });
    assert.ok(Buffer.from(inTx.rows[0][0]).equals(body));
  });
  const out = await client.query<[Uint8Array]>(`SELECT body FROM share WHERE id = 1`, [], {
    rowMode: "array",
    parsers: { [BYTEA_OID]: perByteParser },
  });
  assert.ok(out.rows[0][0] instanceof Uint8Array);
  assert.ok(Buffer.from(out.rows[0][0]).equals(body));
});

test("the client still answers everything else as PGlite does", async () => {
  const client = fastByteaClient(lite);
  assert.equal(client.ready, true);
  const r = await client.query<{ n: number }>(`SELECT 41 + 1 AS n`);
  assert.equal(r.rows[0].n, 42);
  await client.exec(`SELECT 1`);
});
