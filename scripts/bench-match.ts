// bench:match - accuracy and speed of the fingerprint matcher (lib/matching).
//
// Protocol: F synthetic fingers (the simulator's generator), K impressions each with wide capture
// variation (lib/simulator/synthetic-impression.ts: rotation, shift, partial overlap >= 60% measured,
// elastic stretch, noise, dry/wet). Genuine = every pair of impressions of one finger; impostor = pairs
// of different fingers (a deterministic sample). Everything follows from the fixed seeds, so two runs
// print the same accuracy figures; only the timings vary with the machine's load.
// Then MOSIP's real finger samples: one capture across encodings (lossless JPEG 2000, lossy JPEG 2000,
// WSQ) must match strongly; different real fingers must not.
//
//   npm run bench:match -- [--fingers 130] [--impressions 5] [--impostors 10000]
//   npm run bench:match -- --case-only      (only the whole case on the service's pool)
//   npm run bench:match -- --face [--face-persons 40] [--face-captures 3]   (adds the face section, scripts/bench-face.ts)
//   npm run bench:match -- --face-only [--face-persons 40] [--face-captures 3]
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { errorRates } from "@/lib/matching/error-rates";
import { extractTemplate } from "@/lib/matching/extract-template";
import { matchTemplates } from "@/lib/matching/match-templates";
import { pairTable } from "@/lib/matching/pair-table";
import { cbeffFingers, fixtureFinger, type RealFinger, viaLossyJpeg2000, viaWsq } from "@/lib/matching/testing/real-fingers";
import type { FingerTemplate, GreyImage } from "@/lib/matching/types";
import { createRng, hashSeed } from "@/lib/simulator/prng";
import { type CaptureVariation, fingerIdentity, growRidges, renderFingerprint } from "@/lib/simulator/synthetic-fingerprint";
import { impressionVariation, sharedArea } from "@/lib/simulator/synthetic-impression";
import type { WorkerReply, WorkerRequest } from "./bench-match-worker";
import { parseCbeff } from "@/lib/biometrics/cbeff/parse-cbeff";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { FingerWorkPool } from "@/lib/cases/finger-work-pool";
import { scoreSubjects } from "@/lib/cases/score-case-fingers";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { generateSubjectCbeff } from "@/lib/simulator/subject-cbeff";
import { benchFace } from "./bench-face";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 2) throw new Error(`--${name} needs an integer >= 2, got ${process.argv[i + 1]}`);
  return v;
}

const FINGERS = arg("fingers", 130);
const IMPRESSIONS = arg("impressions", 5);
const IMPOSTORS = arg("impostors", 10000);
const MIN_SHARED = 0.6;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

class Pool {
  private workers: Worker[];
  private pending = new Map<number, (r: WorkerReply) => void>();
  private next = 0;
  private turn = 0;
  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL("./bench-match-worker.mjs", import.meta.url));
      w.on("message", (r: WorkerReply) => {
        this.pending.get(r.id)?.(r);
        this.pending.delete(r.id);
      });
      w.on("error", (e) => {
        console.error("bench worker failed:", e);
        process.exit(1);
      });
      return w;
    });
  }
  run(req: Omit<WorkerRequest, "id"> & Record<string, unknown>): Promise<WorkerReply> {
    const id = this.next++;
    const w = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.postMessage({ ...req, id });
    });
  }
  close() {
    for (const w of this.workers) void w.terminate();
  }
}

function planCaptures(f: number): { personSeed: number; fingerIndex: number; captures: CaptureVariation[]; shared: number[] } {
  const personSeed = hashSeed("bench-match-person", f);
  const fingerIndex = f % 10;
  const identity = fingerIdentity(personSeed, fingerIndex);
  const rng = createRng(hashSeed("bench-match-captures", f));
  const captures: CaptureVariation[] = [];
  const shared: number[] = [];
  while (captures.length < IMPRESSIONS) {
    const candidate = impressionVariation(rng);
    const overlaps = captures.flatMap((c) => [sharedArea(identity, c, candidate), sharedArea(identity, candidate, c)]);
    if (overlaps.every((o) => o >= MIN_SHARED)) {
      captures.push(candidate);
      shared.push(...overlaps);
    }
  }
  return { personSeed, fingerIndex, captures, shared };
}

async function syntheticProtocol(pool: Pool) {
  console.log(`Synthetic protocol: ${FINGERS} fingers x ${IMPRESSIONS} impressions (2 worker threads)...`);
  const plans = Array.from({ length: FINGERS }, (_, f) => planCaptures(f));
  const started = performance.now();
  const replies = await Promise.all(
    plans.map((p) => pool.run({ op: "impressions", personSeed: p.personSeed, fingerIndex: p.fingerIndex, captures: p.captures })),
  );
  const templates = replies.map((r) => r.templates as FingerTemplate[]);
  console.log(`  rendered and extracted ${FINGERS * IMPRESSIONS} impressions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const shared = plans.flatMap((p) => p.shared);

  // Pairs by index into the flat list of templates (finger f, impression k at f * IMPRESSIONS + k).
  const flat = templates.flat();
  const at = (f: number, k: number) => f * IMPRESSIONS + k;
  const genuinePairs: [number, number][] = [];
  for (let f = 0; f < FINGERS; f++) {
    for (let a = 0; a < IMPRESSIONS; a++) for (let b = a + 1; b < IMPRESSIONS; b++) genuinePairs.push([at(f, a), at(f, b)]);
  }
  // Impostors: every pair of different fingers, each with a few impression combinations, sampled evenly.
  const impostorPlan: [number, number][] = [];
  for (let a = 0; a < FINGERS; a++) {
    for (let b = a + 1; b < FINGERS; b++)
      for (let c = 0; c < IMPRESSIONS; c++) impostorPlan.push([at(a, c), at(b, (c + a + b) % IMPRESSIONS)]);
  }
  const stride = Math.max(1, impostorPlan.length / IMPOSTORS);
  const impostorPairs: [number, number][] = [];
  for (let x = 0; x < impostorPlan.length && impostorPairs.length < IMPOSTORS; x += stride) impostorPairs.push(impostorPlan[Math.floor(x)]);

  await Promise.all([pool.run({ op: "load", templates: flat }), pool.run({ op: "load", templates: flat })]);
  const scoreAll = async (pairs: [number, number][]) => {
    const chunks: [number, number][][] = [];
    for (let i = 0; i < pairs.length; i += 500) chunks.push(pairs.slice(i, i + 500));
    const replies = await Promise.all(chunks.map((c) => pool.run({ op: "matchLoaded", pairs: c })));
    return replies.flatMap((r) => r.scores as number[]);
  };
  const genuine = await scoreAll(genuinePairs);
  const impostor = await scoreAll(impostorPairs);

  // Comparison speed on this thread alone, over a sample of both kinds. A template's pair table is built
  // once and reused for all its comparisons, so it is timed on its own.
  const sample = [...genuinePairs.slice(0, 150), ...impostorPairs.slice(0, 350)];
  const inSample = [...new Set(sample.flat())];
  const t0 = cpuMs();
  for (const i of inSample) pairTable(flat[i]);
  const tableCpu = (cpuMs() - t0) / inSample.length;
  for (const [a, b] of sample.slice(0, 50)) matchTemplates(flat[a], flat[b]);
  const c0 = cpuMs();
  const w0 = performance.now();
  for (const [a, b] of sample) matchTemplates(flat[a], flat[b]);
  const compareCpu = (cpuMs() - c0) / sample.length;
  const compareWall = (performance.now() - w0) / sample.length;
  const minutiae = templates.flat().map((t) => t.minutiae.length);
  return { genuine, impostor, compareCpu, compareWall, tableCpu, shared, minutiae };
}

function timeExtraction() {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let f = 0; f < 30; f++) {
    const plan = planCaptures(f);
    const identity = fingerIdentity(plan.personSeed, plan.fingerIndex);
    const ridges = growRidges(identity);
    for (const c of plan.captures.slice(0, 2)) {
      const img = renderFingerprint(identity, ridges, c);
      const c0 = cpuMs();
      const w0 = performance.now();
      extractTemplate(img);
      if (f >= 3) {
        cpu.push(cpuMs() - c0);
        wall.push(performance.now() - w0);
      }
    }
  }
  return { cpu, wall };
}

async function timeCase(pool: Pool) {
  // Applicant: 10 fingers of one person; candidates: that person again (other impressions) and two others.
  const images: GreyImage[][] = [];
  for (let person = 0; person < 4; person++) {
    const side: GreyImage[] = [];
    for (let finger = 0; finger < 10; finger++) {
      const seed = person === 1 ? hashSeed("case", 0) : hashSeed("case", person);
      const identity = fingerIdentity(seed, finger);
      const ridges = growRidges(identity);
      const rng = createRng(hashSeed("case-capture", person, finger));
      side.push(renderFingerprint(identity, ridges, impressionVariation(rng)));
    }
    images.push(side);
  }
  const runs: number[] = [];
  let scores: number[] = [];
  for (let run = 0; run < 3; run++) {
    const w0 = performance.now();
    const all = images.flat();
    const halves = [all.slice(0, 20), all.slice(20)];
    const extracted = await Promise.all(halves.map((h) => pool.run({ op: "extract", images: h })));
    const templates = extracted.flatMap((r) => r.templates as FingerTemplate[]);
    const pairs: [FingerTemplate, FingerTemplate][] = [];
    for (let cand = 1; cand <= 3; cand++) for (let f = 0; f < 10; f++) pairs.push([templates[f], templates[cand * 10 + f]]);
    const compared = await Promise.all([
      pool.run({ op: "match", pairs: pairs.slice(0, 15) }),
      pool.run({ op: "match", pairs: pairs.slice(15) }),
    ]);
    scores = compared.flatMap((r) => r.scores as number[]);
    runs.push(performance.now() - w0);
  }
  return { runs, scores };
}

/**
 * A whole case as the service scores it: the simulator's CBEFFs (applicant, a true duplicate captured again, two
 * other people; ten fingers each, as MOSIP sends them), through lib/cases/score-case-fingers.ts on the service's
 * own worker pool (FingerWorkPool: decode + extraction + comparison in worker threads). Process CPU counts every
 * thread, so CPU / 2 is the wall time on two free cores.
 */
async function timeCaseOnPool() {
  await buildWorkerBundles();
  const people = [
    { personSeed: 9001, captureSeed: 1, female: false },
    { personSeed: 9001, captureSeed: 2, female: false },
    { personSeed: 9002, captureSeed: 3, female: true },
    { personSeed: 9003, captureSeed: 4, female: false },
  ];
  const birs = await Promise.all(people.map(async (p) => parseCbeff(await generateSubjectCbeff(p, { modalities: ["Finger"] })).birs));
  const work = new FingerWorkPool({ size: 2 });
  const runs: { wall: number; cpu: number }[] = [];
  let best: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const caseId = `bench-${run}`;
      const c0 = cpuMs();
      const w0 = performance.now();
      const { rows } = await scoreSubjects(
        caseId,
        birs[0],
        birs.slice(1).map((b, i) => ({ id: `candidate-${i + 1}`, birs: b })),
        work,
      );
      runs.push({ wall: performance.now() - w0, cpu: cpuMs() - c0 });
      getCaseImageCache().dropCase(caseId);
      best = [1, 2, 3].map((i) => Math.max(...rows.filter((r) => r.candidateId === `candidate-${i}`).map((r) => r.score)));
    }
  } finally {
    await work.close();
  }
  return { runs, best };
}

async function realSamples() {
  const lossless = await fixtureFinger("finger-fir020-jp2-lossless-left-index.iso");
  const variants: RealFinger[] = [
    lossless,
    await viaLossyJpeg2000(lossless, 10),
    await viaLossyJpeg2000(lossless, 20),
    await viaWsq(lossless),
    await fixtureFinger("finger-fir020-wsq-left-index.iso"),
  ];
  const sameCapture = variants.map((v) => ({ v, t: extractTemplate(v, { ppi: v.ppi }) }));
  console.log("\nMOSIP sample LEFT_INDEX (MockMDS), one capture across encodings - score vs the lossless JPEG 2000:");
  for (const { v, t } of sameCapture.slice(1)) {
    const m = matchTemplates(sameCapture[0].t, t);
    console.log(`  ${v.label.padEnd(95)} score ${m.score.toFixed(1).padStart(5)}  paired ${m.pairs.length}/${t.minutiae.length}`);
  }
  // Different real fingers: the two ten-print CBEFF samples and the ISO fixtures, duplicates removed by pixel hash.
  const pool = [
    lossless,
    await fixtureFinger("finger-fir010-left-index.iso"),
    ...(await cbeffFingers("cbeff-sample-1.2-packet.xml")),
    ...(await cbeffFingers("cbeff-10fingers-fir010.xml")),
  ];
  const seen = new Set<string>();
  const distinct = pool.filter((f) => {
    const h = createHash("sha256").update(f.data).digest("hex");
    if (seen.has(h)) return false;
    seen.add(h);
    return true;
  });
  const templates = distinct.map((f) => extractTemplate(f, { ppi: f.ppi }));
  const impostor: number[] = [];
  for (let a = 0; a < templates.length; a++)
    for (let b = a + 1; b < templates.length; b++) impostor.push(matchTemplates(templates[a], templates[b]).score);
  impostor.sort((a, b) => a - b);
  console.log(
    `MOSIP samples, ${distinct.length} distinct real fingers, ${impostor.length} impostor pairs: median ${quantile(impostor, 0.5).toFixed(1)}, p95 ${quantile(impostor, 0.95).toFixed(1)}, max ${impostor[impostor.length - 1].toFixed(1)}`,
  );
  console.log(`  minutiae per real finger: ${templates.map((t) => t.minutiae.length).join(" ")}`);
}

function printCaseOnPool(onPool: Awaited<ReturnType<typeof timeCaseOnPool>>) {
  console.log(
    `Whole case on the service's pool (simulator CBEFFs: decode + 40 extractions + 30 comparisons, lib/cases/score-case-fingers.ts): ${onPool.runs
      .map((r) => `${(r.wall / 1000).toFixed(2)} s wall, ${(r.cpu / 1000).toFixed(2)} s CPU`)
      .join("; ")} (load average ${loadavg()[0].toFixed(1)} on 2 cores)`,
  );
  console.log(`  best finger per candidate: true duplicate ${onPool.best[0]}, others ${onPool.best[1]} and ${onPool.best[2]}`);
}

const faceOptions = () => ({ persons: arg("face-persons", 40), captures: arg("face-captures", 3) });

if (process.argv.includes("--face-only")) {
  await benchFace(faceOptions());
  process.exit(0);
}

if (process.argv.includes("--case-only")) {
  printCaseOnPool(await timeCaseOnPool());
  process.exit(0);
}

const pool = new Pool(2);
try {
  const syn = await syntheticProtocol(pool);
  const rates = errorRates(syn.genuine, syn.impostor, [0.01, 0.001]);
  const ext = timeExtraction();
  const kase = await timeCase(pool);
  const onPool = await timeCaseOnPool();
  const at1 = rates.fnmrAt.get(0.01);
  const at01 = rates.fnmrAt.get(0.001);
  syn.shared.sort((a, b) => a - b);
  console.log(`\nGenuine pairs ${syn.genuine.length}, impostor pairs ${syn.impostor.length}`);
  console.log(`  shared finger area in genuine pairs: min ${pct(syn.shared[0])}, median ${pct(quantile(syn.shared, 0.5))}`);
  console.log(
    `  minutiae per impression: median ${quantile(syn.minutiae, 0.5)}, p5 ${quantile(syn.minutiae, 0.05)}, p95 ${quantile(syn.minutiae, 0.95)}`,
  );
  console.log(
    `  genuine score median ${quantile(syn.genuine, 0.5).toFixed(1)}, p5 ${quantile(syn.genuine, 0.05).toFixed(1)}; impostor median ${quantile(syn.impostor, 0.5).toFixed(1)}, p99.9 ${quantile(syn.impostor, 0.999).toFixed(1)}`,
  );
  console.log(`EER ${pct(rates.eer)} (threshold ${rates.eerThreshold.toFixed(1)})`);
  console.log(`FNMR at FMR 1%: ${at1 ? `${pct(at1.fnmr)} (threshold ${at1.threshold.toFixed(1)})` : "n/a"}`);
  console.log(`FNMR at FMR 0.1%: ${at01 ? `${pct(at01.fnmr)} (threshold ${at01.threshold.toFixed(1)})` : "n/a"}`);
  console.log(
    `Extraction per 300x400 500 ppi image, one thread: CPU p50 ${quantile(ext.cpu, 0.5).toFixed(1)} ms, p95 ${quantile(ext.cpu, 0.95).toFixed(1)} ms (wall p50 ${quantile(ext.wall, 0.5).toFixed(1)} ms, p95 ${quantile(ext.wall, 0.95).toFixed(1)} ms)`,
  );
  console.log(
    `Comparison per pair, one thread: CPU ${syn.compareCpu.toFixed(2)} ms (wall ${syn.compareWall.toFixed(2)} ms); pair table, once per template: CPU ${syn.tableCpu.toFixed(2)} ms`,
  );
  console.log(
    `Whole case, 10 fingers x 3 candidates (40 extractions + 30 comparisons) on 2 worker threads: ${kase.runs.map((r) => `${(r / 1000).toFixed(2)} s`).join(", ")} (wall; load average ${loadavg()[0].toFixed(1)} on ${2} cores)`,
  );
  console.log(
    `  case scores, duplicate candidate: ${kase.scores.slice(0, 10).join(" ")}; others: max ${Math.max(...kase.scores.slice(10)).toFixed(1)}`,
  );
  printCaseOnPool(onPool);
  await realSamples();
  // A few minutes of CPU on a loaded machine: only when asked for.
  if (process.argv.includes("--face")) await benchFace(faceOptions());
} finally {
  pool.close();
}
