// Worker side of bench:match: renders synthetic impressions and extracts templates, or compares pairs.
import { parentPort } from "node:worker_threads";
import { extractTemplate } from "@/lib/matching/extract-template";
import { matchTemplates } from "@/lib/matching/match-templates";
import type { FingerTemplate, GreyImage } from "@/lib/matching/types";
import { fingerIdentity, growRidges, renderFingerprint, type CaptureVariation } from "@/lib/simulator/synthetic-fingerprint";

export type WorkerRequest =
  | { op: "impressions"; id: number; personSeed: number; fingerIndex: number; captures: CaptureVariation[] }
  | { op: "extract"; id: number; images: GreyImage[] }
  | { op: "match"; id: number; pairs: [FingerTemplate, FingerTemplate][] }
  | { op: "load"; id: number; templates: FingerTemplate[] }
  | { op: "matchLoaded"; id: number; pairs: [number, number][] };

export type WorkerReply = { id: number; templates?: FingerTemplate[]; scores?: number[]; cpuMs: number };

/** Templates sent once and compared by index, so each keeps its pair table across comparisons. */
let loaded: FingerTemplate[] = [];

parentPort?.on("message", (req: WorkerRequest) => {
  const started = process.cpuUsage();
  let reply: WorkerReply;
  if (req.op === "impressions") {
    const identity = fingerIdentity(req.personSeed, req.fingerIndex);
    const ridges = growRidges(identity);
    const templates = req.captures.map((c) => extractTemplate(renderFingerprint(identity, ridges, c)));
    reply = { id: req.id, templates, cpuMs: 0 };
  } else if (req.op === "extract") {
    reply = { id: req.id, templates: req.images.map((img) => extractTemplate(img)), cpuMs: 0 };
  } else if (req.op === "load") {
    loaded = req.templates;
    reply = { id: req.id, cpuMs: 0 };
  } else if (req.op === "matchLoaded") {
    reply = { id: req.id, scores: req.pairs.map(([a, b]) => matchTemplates(loaded[a], loaded[b]).score), cpuMs: 0 };
  } else {
    reply = { id: req.id, scores: req.pairs.map(([a, b]) => matchTemplates(a, b).score), cpuMs: 0 };
  }
  const used = process.cpuUsage(started);
  reply.cpuMs = (used.user + used.system) / 1000;
  parentPort?.postMessage(reply);
});
