import { expect, type APIRequestContext } from "@playwright/test";
import pg from "pg";

export interface CaseRow {
  id: string;
  requestId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
}

/** Asks the built-in MOSIP simulator for new requests and waits until their cases are ready for review. */
export async function newReadyCases(
  api: APIRequestContext,
  viewer: APIRequestContext,
  counts: { adjudications: number; verifications?: number; fingerCodec?: "PNG" | "WSQ" },
): Promise<CaseRow[]> {
  const list = async () => ((await (await viewer.get("/api/cases?scope=all&limit=500")).json()).cases as CaseRow[]) ?? [];
  const before = new Set((await list()).map((c) => c.id));
  const res = await api.post("/api/simulator/requests", {
    data: { adjudications: counts.adjudications, verifications: counts.verifications ?? 0, fingerCodec: counts.fingerCodec ?? "PNG" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const want = counts.adjudications + (counts.verifications ?? 0);
  let fresh: CaseRow[] = [];
  await expect
    .poll(
      async () => {
        fresh = (await list()).filter((c) => !before.has(c.id));
        return fresh.filter((c) => c.state === "READY").length;
      },
      { timeout: 60_000, message: "simulated cases become READY after their datashares download" },
    )
    .toBe(want);
  return fresh;
}

/** Reads one row straight from the server's database: what the outbox holds is what MOSIP is sent. */
export async function queryOne<T>(databaseUrl: string, sql: string, params: unknown[]): Promise<T | undefined> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows[0] as T | undefined;
  } finally {
    await c.end();
  }
}

export async function caseCandidates(databaseUrl: string, caseId: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query(`SELECT "referenceId" FROM "Candidate" WHERE "caseId" = $1 ORDER BY position`, [caseId])).rows.map(
      (r) => r.referenceId,
    );
  } finally {
    await c.end();
  }
}
