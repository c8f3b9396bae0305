import "server-only";
import type { FingerRecordTemplate } from "@/lib/matching/extract-finger-record";
import type { MatchResult } from "@/lib/matching/match-templates";
import type { FingerTemplate } from "@/lib/matching/types";

/** The score of one comparison, without the alignment and pairs (the overlay recomputes them from the templates). */
export interface PairScore {
  score: number;
  paired: number;
}

/** The work could not run (worker crashed, timed out, pool closed): the run fails and is tried again later. */
export class FingerWorkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FingerWorkError";
  }
}

/**
 * Where the CPU work of scoring runs: extraction (~40 ms an image) and comparison (~1-3 ms a pair). The service
 * runs it on worker threads (finger-work-pool.ts); tests may run it on the calling thread.
 */
export interface FingerWork {
  /** Threads the work is spread over: comparisons are sent in this many batches. */
  readonly parallelism: number;
  extract(iso: Uint8Array): Promise<FingerRecordTemplate>;
  match(pairs: readonly (readonly [FingerTemplate, FingerTemplate])[]): Promise<PairScore[]>;
  /** One comparison in full: score, paired minutiae (indices) and the alignment, for the overlay. */
  align(a: FingerTemplate, b: FingerTemplate): Promise<MatchResult>;
}

/** The same work on the calling thread (tests and tools only: never on a thread serving pages). */
export const inThreadFingerWork: FingerWork = {
  parallelism: 1,
  async extract(iso) {
    const { extractFingerRecord } = await import("@/lib/matching/extract-finger-record");
    return extractFingerRecord(iso);
  },
  async match(pairs) {
    const { matchTemplates } = await import("@/lib/matching/match-templates");
    return pairs.map(([a, b]) => {
      const m = matchTemplates(a, b);
      return { score: m.score, paired: m.pairs.length };
    });
  },
  async align(a, b) {
    const { matchTemplates } = await import("@/lib/matching/match-templates");
    return matchTemplates(a, b);
  },
};
