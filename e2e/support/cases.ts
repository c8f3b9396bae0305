import { expect, type APIRequestContext } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { truthRecordFile } from "./servers";
import { CASES_READY_CEILING_MS, EVENT_CEILING_MS } from "./patience";

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
  // A slow answer on a loaded machine is waited for (one step's ceiling, not Playwright's 30 s request default).
  const list = async () =>
    ((await (await viewer.get("/api/cases?scope=all&limit=500", { timeout: EVENT_CEILING_MS })).json()).cases as CaseRow[]) ?? [];
  const before = new Set((await list()).map((c) => c.id));
  const res = await api.post("/api/simulator/requests", {
    data: { adjudications: counts.adjudications, verifications: counts.verifications ?? 0, fingerCodec: counts.fingerCodec ?? "PNG" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const want = counts.adjudications + (counts.verifications ?? 0);
  // Waits for the state the test needs (its new cases READY), however long the machine takes, up to a ceiling
  // whose failure says how far it got.
  const deadline = Date.now() + CASES_READY_CEILING_MS;
  for (;;) {
    const fresh = (await list()).filter((c) => !before.has(c.id));
    const ready = fresh.filter((c) => c.state === "READY");
    if (ready.length >= want) return fresh;
    if (Date.now() > deadline) {
      throw new Error(
        `${ready.length} of ${want} simulated cases READY after ${CASES_READY_CEILING_MS / 1000} s ` +
          `(states: ${fresh.map((c) => c.state).join(", ") || "no case yet"}): the simulator's packets, the intake or the downloads are stuck`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
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

/** The simulator's truth of one request (MAS_SIMULATOR_TRUTH_FILE): gallery RIDs in MOSIP's order, and the true duplicates. */
export function simulatorTruth(server: string, requestId: string): { gallery: string[]; duplicates: string[] } | undefined {
  const file = truthRecordFile(server);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { requestId: string; gallery: string[]; duplicates: string[] })
    .find((t) => t.requestId === requestId);
}
