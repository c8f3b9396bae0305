// Worker file of the fingerprint scoring pool (lib/cases/finger-work-pool.ts). Not loaded as TypeScript:
// lib/process/build-worker-bundles.mjs bundles it into finger-worker.generated.mjs, plain JavaScript a worker thread
// loads under `next start`, tsx and the artifact alike. Templates made here go back to the pool's process and stay
// in its memory (the per-case cache); nothing here writes anywhere.
import { serveWorkerJobs } from "@/lib/process/serve-worker-jobs.mjs";
import { extractFingerRecord, type FingerRecordTemplate } from "./extract-finger-record";
import { type MatchResult, matchTemplates } from "./match-templates";
import type { FingerTemplate } from "./types";

export type FingerJob =
  | { op: "extract"; iso: Uint8Array }
  | { op: "match"; pairs: [FingerTemplate, FingerTemplate][] }
  | { op: "align"; a: FingerTemplate; b: FingerTemplate };
export type FingerJobResult = FingerRecordTemplate | { score: number; paired: number }[] | MatchResult;

serveWorkerJobs(async (job: FingerJob): Promise<FingerJobResult> => {
  if (job.op === "extract") return extractFingerRecord(job.iso);
  // The whole result, pairs and alignment included: what the workbench overlay draws (one pair at a time).
  if (job.op === "align") return matchTemplates(job.a, job.b);
  return job.pairs.map(([a, b]) => {
    const m = matchTemplates(a, b);
    return { score: m.score, paired: m.pairs.length };
  });
});
