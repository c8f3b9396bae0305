// Decode benchmark for the biometric image path (issue 4, `npm run bench:decode`).
//
//   node --conditions=react-server --import tsx scripts/bench-decode.ts [--reps N]
//
// 1. Per image, for every ISO sample and every BDB inside the CBEFF samples in
//    test/fixtures/mosip: median time of our whole path on one thread (ISO
//    parse -> decode -> thumbnail WebP + full WebP), of the JPEG 2000 decode
//    alone (OpenJPEG wasm), and of Debian's native opj_decompress on the same
//    JP2 bytes run as a process; process start-up is measured separately
//    (`opj_decompress -h`) and a batch run (-ImgDir) amortises it.
// 2. One comparison page: applicant + 3 candidates x 13 biometrics = 52 images
//    (the 1.2 packet CBEFF for every subject) through the decode pool and the
//    case image cache: cold (fresh pool, empty cache), cache-cold with warm
//    workers, and warm (every image a cache hit).
// Prints only sample file names and timings.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { approximateBytes, CaseImageCache } from "../lib/biometrics/case-image-cache";
import { parseCbeff } from "../lib/biometrics/cbeff/parse-cbeff";
import { buildWorkerBundles } from "../lib/process/build-worker-bundles.mjs";
import { decodeBiometric } from "../lib/biometrics/image/decode-biometric";
import { DecodePool } from "../lib/biometrics/image/decode-pool";
import { decodeJpeg2000 } from "../lib/biometrics/image/jpeg2000-wasm.mjs";
import type { RenderVariant } from "../lib/biometrics/image/raster-encoder.mjs";
import { sniffCodec } from "../lib/biometrics/image/sniff-codec";
import { parseIsoRecord } from "../lib/biometrics/iso/parse-iso-record";

const FIXTURES = join(process.cwd(), "test", "fixtures", "mosip");
const OPJ = "/usr/bin/opj_decompress";
const repsArg = process.argv.indexOf("--reps");
const REPS = repsArg > 0 ? Math.max(1, Number(process.argv[repsArg + 1]) || 5) : 5;
/** What a comparison page shows: a thumbnail, and the full image on demand. */
const VARIANTS: RenderVariant[] = [
  { size: "thumb", format: "webp" },
  { size: "full", format: "webp" },
];

interface Sample {
  name: string;
  iso: Buffer;
  modality: string;
  codec: string;
  width: number;
  height: number;
  /** The image payload inside the ISO record (JP2 bytes for JPEG 2000). */
  image: Uint8Array;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function medianMs(reps: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up: JIT, wasm instantiation, sharp's first use
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await timeMs(fn));
  return median(times);
}

function sample(name: string, iso: Buffer): Sample {
  const rep = parseIsoRecord(iso).representations[0];
  return {
    name,
    iso,
    modality: parseIsoRecord(iso).modality,
    codec: sniffCodec(rep.image) ?? rep.codec,
    width: rep.width,
    height: rep.height,
    image: rep.image,
  };
}

function loadSamples(): Sample[] {
  const out: Sample[] = [];
  for (const file of readdirSync(join(FIXTURES, "iso")).sort()) out.push(sample(`iso/${file}`, readFileSync(join(FIXTURES, "iso", file))));
  for (const file of readdirSync(join(FIXTURES, "cbeff")).sort()) {
    for (const bir of parseCbeff(readFileSync(join(FIXTURES, "cbeff", file))).birs) {
      if (bir.bdb) out.push(sample(`cbeff/${file}#${bir.index} ${bir.type} ${bir.subtype ?? ""}`.trim(), bir.bdb));
    }
  }
  return out;
}

function opjAvailable(): boolean {
  return existsSync(OPJ);
}

/** Runs opj_decompress; returns the decode times it reports itself ("decode time: N ms", one per file). */
function runOpj(args: string[]): number[] {
  const r = spawnSync(OPJ, args, { stdio: ["ignore", "pipe", "pipe"] });
  // `-h` exits non-zero on some builds; only real decodes must succeed.
  if (r.status !== 0 && !args.includes("-h")) throw new Error(`opj_decompress failed: ${r.stderr.toString().slice(0, 200)}`);
  return [...r.stdout.toString().matchAll(/decode time: (\d+(?:\.\d+)?) ms/g)].map((m) => Number(m[1]));
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const ms = (x: number | null) => (x === null ? "-" : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? "-" : `${(a / b).toFixed(2)}x`);

async function perImage(samples: Sample[], work: string) {
  const haveOpj = opjAvailable();
  const startup = haveOpj ? await medianMs(REPS, () => runOpj(["-h"])) : null;
  const rows: { s: Sample; ours: number; j2k: number | null; opj: number | null; opjInternal: number | null }[] = [];
  const jp2Dir = join(work, "jp2");
  mkdirSync(jp2Dir);
  for (const [i, s] of samples.entries()) {
    const ours = await medianMs(REPS, () => decodeBiometric(s.iso, { variants: VARIANTS }));
    let j2k: number | null = null;
    let opj: number | null = null;
    let opjInternal: number | null = null;
    if (s.codec === "JPEG2000") {
      j2k = await medianMs(REPS, () => decodeJpeg2000(s.image));
      if (haveOpj) {
        const input = join(jp2Dir, `${String(i).padStart(2, "0")}.jp2`);
        writeFileSync(input, s.image);
        const output = join(work, "out.raw");
        const reported: number[] = [];
        opj = await medianMs(REPS, () => reported.push(...runOpj(["-i", input, "-o", output])));
        opjInternal = reported.length ? median(reported) : null;
      }
    }
    rows.push({ s, ours, j2k, opj, opjInternal });
  }
  let batchPerImage: number | null = null;
  const jp2Count = rows.filter((r) => r.j2k !== null).length;
  if (haveOpj && jp2Count > 0) {
    // With -ImgDir the outputs land beside the inputs; later runs skip the .raw files.
    const batch = await medianMs(Math.min(REPS, 3), () => runOpj(["-ImgDir", jp2Dir, "-OutFor", "RAW"]));
    batchPerImage = batch / jp2Count;
  }
  return { rows, startup, batchPerImage, jp2Count };
}

async function comparisonPage(iterations: number) {
  const xml = readFileSync(join(FIXTURES, "cbeff", "cbeff-sample-1.2-packet.xml"));
  const subjects = ["applicant", "candidate-1", "candidate-2", "candidate-3"];

  // As the workbench's image route would: the decrypted CBEFF of each subject
  // is parsed once and kept in the case cache beside the decoded images.
  async function renderPage(pool: DecodePool, cache: CaseImageCache): Promise<number> {
    const jobs: Promise<unknown>[] = [];
    await Promise.all(
      subjects.map(async (subject) => {
        const cbeff = await cache.getOrCreate(
          { caseId: "bench-case", subject, bir: "cbeff" },
          async () => parseCbeff(xml),
          approximateBytes,
        );
        for (const bir of cbeff.birs) {
          if (!bir.bdb) continue;
          const bdb = bir.bdb;
          jobs.push(
            cache.getOrCreate(
              { caseId: "bench-case", subject, bir: bir.index },
              () => decodeBiometric(bdb, { variants: VARIANTS, run: (job) => pool.run(job), jobCodecs: pool.jobCodecs }),
              approximateBytes,
            ),
          );
        }
      }),
    );
    await Promise.all(jobs);
    return jobs.length;
  }

  const pool = new DecodePool();
  const cache = new CaseImageCache();
  let images = 0;
  const cold = await timeMs(async () => {
    images = await renderPage(pool, cache);
  });
  const warmHits: number[] = [];
  for (let i = 0; i < iterations; i++) warmHits.push(await timeMs(() => renderPage(pool, cache)));
  const warm = median(warmHits);
  const cacheBytes = cache.stats().bytes;
  const warmWorkers: number[] = [];
  for (let i = 0; i < iterations; i++) warmWorkers.push(await timeMs(() => renderPage(pool, new CaseImageCache())));
  const poolSize = pool.size;
  const wsqInWorker = pool.jobCodecs.has("WSQ");
  await pool.close();
  return { images, cold, warmWorkers: median(warmWorkers), warm, cacheBytes, poolSize, wsqInWorker };
}

async function main() {
  const started = performance.now();
  await buildWorkerBundles();
  const work = mkdtempSync(join(tmpdir(), "mas-bench-"));
  try {
    const samples = loadSamples();
    console.log(
      `Decode benchmark: ${samples.length} images, median of ${REPS} runs after one warm-up; ${cpus().length} CPUs, Node ${process.version}`,
    );
    console.log(`Our path = ISO parse + decode + thumbnail WebP (<=256 px) + full-size WebP, on one thread.`);
    console.log(`J2K = JPEG 2000 decode alone (OpenJPEG wasm). opj proc = Debian opj_decompress as a whole process (start-up,`);
    console.log(`file read, decode, .raw write); opj dec = the decode time opj_decompress reports itself (whole ms). Times in ms.\n`);

    const { rows, startup, batchPerImage, jp2Count } = await perImage(samples, work);
    const header = `${pad("sample", 52)} ${pad("codec", 8)} ${lpad("size", 9)} ${lpad("our path", 9)} ${lpad("J2K", 7)} ${lpad("opj proc", 9)} ${lpad("opj dec", 8)} ${lpad("J2K/proc", 9)} ${lpad("J2K/dec", 8)}`;
    console.log(header);
    console.log("-".repeat(header.length));
    for (const { s, ours, j2k, opj, opjInternal } of rows) {
      console.log(
        `${pad(s.name.slice(0, 52), 52)} ${pad(s.codec, 8)} ${lpad(`${s.width}x${s.height}`, 9)} ${lpad(ms(ours), 9)} ${lpad(ms(j2k), 7)} ${lpad(ms(opj), 9)} ${lpad(ms(opjInternal), 8)} ${lpad(ratio(j2k, opj), 9)} ${lpad(ratio(j2k, opjInternal), 8)}`,
      );
    }
    console.log("-".repeat(header.length));
    const jp2 = rows.filter((r) => r.j2k !== null);
    const med = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? median(v) : null;
    };
    const medJ2k = med(jp2.map((r) => r.j2k));
    const medOpj = med(jp2.map((r) => r.opj));
    const medOpjInternal = med(jp2.map((r) => r.opjInternal));
    console.log(`Median over all ${rows.length} images, our path: ${ms(med(rows.map((r) => r.ours)))} ms`);
    console.log(
      `Median over ${jp2Count} JPEG 2000 images: J2K wasm ${ms(medJ2k)} ms; opj_decompress process ${ms(medOpj)} ms (ratio ${ratio(medJ2k, medOpj)}); opj's own decode time ${ms(medOpjInternal)} ms (ratio ${ratio(medJ2k, medOpjInternal)})`,
    );
    if (startup !== null) {
      console.log(`opj_decompress process start-up (opj_decompress -h): ${ms(startup)} ms`);
      console.log(
        `opj_decompress batch (-ImgDir, ${jp2Count} files, one process): ${ms(batchPerImage)} ms per image -> J2K wasm / opj batch = ${ratio(medJ2k, batchPerImage)}`,
      );
    } else {
      console.log(`${OPJ} not found: install libopenjp2-tools for the native comparison.`);
    }

    const page = await comparisonPage(3);
    console.log(
      `\nComparison page: 4 subjects x 13 biometrics = ${page.images} images (1.2 packet CBEFF), decode pool of ${page.poolSize} workers, WSQ ${page.wsqInWorker ? "in worker" : "on request thread"}`,
    );
    console.log(`${pad("scenario", 46)} ${lpad("total ms", 9)} ${lpad("per image", 10)}`);
    for (const [label, t] of [
      ["cold: fresh pool (worker start) + empty cache", page.cold],
      ["cache cold, workers already running (median)", page.warmWorkers],
      ["warm: every image a cache hit (median)", page.warm],
    ] as const) {
      console.log(`${pad(label, 46)} ${lpad(ms(t), 9)} ${lpad(ms(t / page.images), 10)}`);
    }
    console.log(
      `cold and cache-cold include parsing the 4 CBEFF documents; cache held ${(page.cacheBytes / 1024 / 1024).toFixed(1)} MiB for the page`,
    );
    console.log(`\nfinished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
