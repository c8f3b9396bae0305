// Fast bytea for the embedded PGlite. PGlite's own bytea serializer builds one string per byte
// (Array.from(bytes).map(toString(16))), and the Prisma adapter parses bytea back one parseInt per byte: for a
// datashare of a few MB that is seconds of CPU on the thread that serves pages, per body stored or read (measured
// in decision 0019: 1.9 MB took 7 s to write and 2 s to read on a loaded machine; Buffer's hex codec takes
// 20–90 ms). Both ends are replaced here by Buffer's hex codec, which produces and accepts the same text.

import type { PGlite } from "@electric-sql/pglite";

/** PostgreSQL's type oid of bytea. */
export const BYTEA_OID = 17;

/** bytea in PostgreSQL's hex text form: \x followed by two hex digits per byte. */
export function serializeBytea(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

/** The reverse of serializeBytea; a Uint8Array, as PGlite and the Prisma adapter return. */
export function parseBytea(text: string): Uint8Array {
  const bytes = Buffer.from(text.slice(2), "hex");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Options for PGlite.create: its serializer of bytea parameters replaced. */
export const FAST_BYTEA_OPTIONS = { serializers: { [BYTEA_OID]: serializeBytea }, parsers: { [BYTEA_OID]: parseBytea } };

type QueryOptions = Parameters<PGlite["query"]>[2];
type Queryable = Pick<PGlite, "query">;

function withFastParser(options: QueryOptions): QueryOptions {
  return { ...options, parsers: { ...options?.parsers, [BYTEA_OID]: parseBytea } };
}

function fastQueries<T extends Queryable>(client: T): T {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "query")
        return (sql: string, params?: unknown[], options?: QueryOptions) => target.query(sql, params, withFastParser(options));
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The client handed to the Prisma adapter: its queries, inside transactions too, parse bytea with parseBytea
 * whatever parsers the adapter passes per query (it passes its own, per-byte one).
 */
export function fastByteaClient(lite: PGlite): PGlite {
  return new Proxy(lite, {
    get(target, prop) {
      if (prop === "query") return fastQueries(target).query;
      if (prop === "transaction") {
        return <R>(fn: (tx: Parameters<Parameters<PGlite["transaction"]>[0]>[0]) => Promise<R>) =>
          target.transaction((tx) => fn(fastQueries(tx)));
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
