import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { z } from "zod";
import type { Operation } from "./operation";
import { allOperations, operations } from "./operations";
import { openApiDocument } from "./openapi";

const API_DIR = join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

interface RouteFile {
  file: string;
  /** OpenAPI style path; for a catch-all ([...x]) the prefix every path it serves starts with. */
  path: string;
  catchAll: boolean;
  methods: string[];
  text: string;
}

function routeFiles(dir: string, out: RouteFile[] = []): RouteFile[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) routeFiles(p, out);
    else if (name === "route.ts") {
      const segments = relative(join(process.cwd(), "app"), dir).split(sep);
      const catchAll = segments.some((s) => s.startsWith("[..."));
      const path = `/${segments
        .filter((s) => !s.startsWith("[..."))
        .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
        .join("/")}${catchAll ? "/" : ""}`;
      const text = readFileSync(p, "utf8");
      out.push({ file: relative(process.cwd(), p), path, catchAll, methods: exportedMethods(text), text });
    }
  }
  return out;
}

/** `export const GET =`, `export async function POST(`, `export { handler as GET }`. */
function exportedMethods(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of text.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of m[1].split(","))
      found.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? "",
      );
  return [...found].filter((m) => METHODS.includes(m)).sort();
}

const serves = (r: RouteFile, op: Operation) => (r.catchAll ? op.path.startsWith(r.path) : op.path === r.path);
const keyOf = (op: Operation) => Object.entries(operations).find(([, o]) => o === op)?.[0];
const files = routeFiles(API_DIR);

describe("operation registry", () => {
  it("finds the route files", () => {
    assert.ok(files.length >= 30, `only ${files.length} route files under app/api`);
    assert.ok(files.some((f) => f.catchAll));
  });

  for (const r of files) {
    it(`${r.file}: every exported method is a registered operation`, () => {
      assert.ok(r.methods.length > 0, `${r.file} exports no HTTP method`);
      for (const method of r.methods) {
        const ops = allOperations.filter((op) => op.method === method && serves(r, op));
        assert.ok(ops.length > 0, `${method} ${r.path} (${r.file}) is not in lib/http/operations`);
        if (r.catchAll) {
          for (const op of ops) assert.equal(op.handledBy, "next-auth", `${op.method} ${op.path} is served by a catch-all`);
          continue;
        }
        assert.equal(ops.length, 1, `${method} ${r.path} is registered ${ops.length} times`);
        const [op] = ops;
        if (op.handledBy) {
          assert.doesNotMatch(r.text, /apiRoute\(/, `${r.file} is marked as served by ${op.handledBy}`);
        } else {
          const m = r.text.match(new RegExp(`export const ${method} = apiRoute\\(\\s*operations\\.(\\w+)\\s*,`));
          assert.ok(m, `${r.file}: ${method} must be built with apiRoute(operations.…)`);
          assert.equal(
            m[1],
            keyOf(op),
            `${r.file}: ${method} uses operations.${m[1]}, which is ${operations[m[1] as keyof typeof operations]?.method} ${operations[m[1] as keyof typeof operations]?.path}`,
          );
        }
      }
    });
  }

  it("every operation has a route file exporting its method", () => {
    for (const op of allOperations) {
      const r = files.filter((f) => serves(f, op) && f.methods.includes(op.method));
      assert.ok(r.length > 0, `${op.method} ${op.path} has no route file under app/api`);
    }
  });

  it("no operation is registered twice", () => {
    const seen = allOperations.map((op) => `${op.method} ${op.path}`);
    assert.deepEqual([...new Set(seen)], seen);
  });

  it("path parameters are exactly the keys of the params schema", () => {
    for (const op of allOperations) {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const inSchema = op.params ? Object.keys((op.params as z.ZodObject).shape).sort() : [];
      assert.deepEqual(inSchema, inPath, `${op.method} ${op.path}`);
    }
  });

  it("only next-auth's operations live under /api/auth", () => {
    for (const op of allOperations) assert.equal(op.path.startsWith("/api/auth/"), op.handledBy === "next-auth", op.path);
  });
});

describe("OpenAPI document", () => {
  const doc = openApiDocument("test");
  type Described = { "x-permission": string; parameters?: { name: string; in: string }[]; requestBody?: unknown };
  const paths = doc.paths as Record<string, Record<string, Described>>;

  it("lists every registered operation with its permission", () => {
    for (const op of allOperations) {
      const d = paths[op.path]?.[op.method.toLowerCase()];
      assert.ok(d, `${op.method} ${op.path} is missing from the document`);
      assert.equal(d["x-permission"], op.permission);
      assert.equal(Boolean(d.requestBody), Boolean(op.body), `${op.method} ${op.path} requestBody`);
    }
    const described = Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0);
    assert.equal(described, allOperations.length);
  });

  it("describes path parameters from the params schema and query parameters from the query schema", () => {
    const image = paths["/api/cases/{id}/subjects/{subject}/images/{bir}"].get;
    assert.deepEqual(
      image.parameters?.map((p) => `${p.in}:${p.name}`),
      ["path:id", "path:subject", "path:bir", "query:variant"],
    );
    assert.ok(paths["/api/admin/audit"].get.parameters?.some((p) => p.in === "query" && p.name === "limit"));
  });

  it("is JSON", () => {
    assert.deepEqual(JSON.parse(JSON.stringify(doc)).info.title, "MOSIP Manual Adjudication System API");
  });
});
