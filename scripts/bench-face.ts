// bench:match -- --face: accuracy and speed of the face similarity (lib/matching/face-model.ts, face-api's
// recognition net on the WebAssembly backend, on the service's face pool lib/cases/face-work-pool.ts).
//
// Protocol: P synthetic persons (the simulator's face generator, lib/simulator/synthetic-face.ts), C captures each
// (pose, lighting, expression and framing vary by capture; the person's face does not), rendered and wrapped in
// ISO 19794-5 records as the simulator sends them. Genuine = every pair of captures of one person; impostor = every
// pair of captures of two different persons. Everything follows from fixed seeds. Then MOSIP's sample faces: the
// MockMDS registration face (lossless JPEG 2000) against itself through lossy JPEG 2000 (MockMDS's own), JPEG and
// PNG re-encodings, and against the other people in the samples (the exception photo, the 1.2 packet's face).
import { loadavg } from "node:os";
import sharp from "sharp";
import { parseCbeff } from "@/lib/biometrics/cbeff/parse-cbeff";
import { decodeImage } from "@/lib/biometrics/image/decode-image";
import { parseIsoRecord } from "@/lib/biometrics/iso/parse-iso-record";
import type { FaceRepresentation } from "@/lib/biometrics/iso/types";
import { readFixture } from "@/lib/biometrics/testing/fixtures";
import { FaceWorkPool } from "@/lib/cases/face-work-pool";
import { errorRates } from "@/lib/matching/error-rates";
import { faceDistance } from "@/lib/matching/face-distance";
import { buildWorkerBundle, WORKER_BUNDLES } from "@/lib/process/build-worker-bundles.mjs";
import { hashSeed } from "@/lib/simulator/prng";
import { writeFaceRecord } from "@/lib/simulator/iso/write-face-record";
import { renderFacePng } from "@/lib/simulator/synthetic-images";
import { FACE_HEIGHT, FACE_WIDTH } from "@/lib/simulator/synthetic-face";

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const f3 = (n: number) => n.toFixed(3);

export function simulatorFaceSubject(person: number, capture: number) {
  return { personSeed: hashSeed(0xface, person), captureSeed: hashSeed(0xface, person, capture), female: person % 2 === 1 };
}

export async function simulatorFaceRecord(person: number, capture: number): Promise<Buffer> {
  const s = simulatorFaceSubject(person, capture);
  return writeFaceRecord({
    dataType: "PNG",
    width: FACE_WIDTH,
    height: FACE_HEIGHT,
    image: await renderFacePng(s),
    colourSpace: 1,
    quality: [{ score: 80 }],
  });
}

/** A FAC 030 record of the same pixels as `iso`, re-encoded as JPEG (quality q) or PNG. */
async function reencoded(iso: Uint8Array, as: "JPEG" | "PNG", q = 75): Promise<Buffer> {
  const rep = parseIsoRecord(iso).representations[0] as FaceRepresentation;
  const img = await decodeImage(rep.image, {
    codec: rep.codec,
    width: rep.width,
    height: rep.height,
    bitDepth: rep.bitDepth,
    colour: rep.colour,
  });
  const raw = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: img.channels },
  });
  const image = as === "JPEG" ? await raw.jpeg({ quality: q }).toBuffer() : await raw.png().toBuffer();
  return writeFaceRecord({
    dataType: as,
    width: img.width,
    height: img.height,
    image,
    colourSpace: img.channels === 1 ? 3 : 1,
    quality: [{ score: 80 }],
  });
}

type Described = { descriptor: Float32Array; detection: number } | null;

async function describeAll(pool: FaceWorkPool, records: Uint8Array[]): Promise<Described[]> {
  return Promise.all(
    records.map(async (r) => {
      const d = await pool.describe(r);
      return d.found ? { descriptor: d.descriptor, detection: d.detection } : null;
    }),
  );
}

export async function benchFace({ persons, captures }: { persons: number; captures: number }): Promise<void> {
  await buildWorkerBundle(WORKER_BUNDLES.find((b) => b.bundle.includes("face-worker"))!);
  const pool = new FaceWorkPool({ size: 2 });
  try {
    let t = performance.now();
    let c = cpuMs();
    await pool.warm();
    console.log(
      `\nFace model start (2 workers): ${((performance.now() - t) / 1000).toFixed(1)} s wall, ${((cpuMs() - c) / 1000).toFixed(1)} s CPU (load average ${loadavg()[0].toFixed(1)})`,
    );

    // One worker alone, faces one after another: the process's CPU time per face is that worker's.
    const single = new FaceWorkPool({ size: 1 });
    await single.warm();
    const timing = { cpu: [] as number[], wall: [] as number[] };
    for (let i = 0; i < 6; i++) {
      const rec = await simulatorFaceRecord(1000 + i, 0);
      c = cpuMs();
      t = performance.now();
      await single.describe(rec);
      timing.cpu.push(cpuMs() - c);
      timing.wall.push(performance.now() - t);
    }
    await single.close();

    const records: Buffer[] = [];
    for (let p = 0; p < persons; p++) for (let k = 0; k < captures; k++) records.push(await simulatorFaceRecord(p, k));
    t = performance.now();
    c = cpuMs();
    const described = await describeAll(pool, records);
    const allWall = performance.now() - t;
    const allCpu = cpuMs() - c;
    const missed = described.filter((d) => !d).length;
    const at = (p: number, k: number) => described[p * captures + k];
    const genuine: number[] = [];
    const impostor: number[] = [];
    for (let p = 0; p < persons; p++) {
      for (let k = 0; k < captures; k++) {
        const a = at(p, k);
        if (!a) continue;
        for (let l = k + 1; l < captures; l++) {
          const b = at(p, l);
          if (b) genuine.push(faceDistance(a.descriptor, b.descriptor));
        }
        for (let q = p + 1; q < persons; q++) {
          for (let l = 0; l < captures; l++) {
            const b = at(q, l);
            if (b) impostor.push(faceDistance(a.descriptor, b.descriptor));
          }
        }
      }
    }
    // errorRates wants higher = more alike: the negated distance.
    const rates = errorRates(
      genuine.map((d) => -d),
      impostor.map((d) => -d),
      [0.01, 0.001],
    );
    const at1 = rates.fnmrAt.get(0.01);
    const detections = described.filter((d): d is NonNullable<Described> => !!d).map((d) => d.detection);
    console.log(`Simulator faces: ${persons} persons x ${captures} captures, ${missed} without a face found`);
    console.log(`  detector confidence: min ${f3(Math.min(...detections))}, median ${f3(quantile(detections, 0.5))}`);
    console.log(
      `  genuine distance (${genuine.length} pairs): median ${f3(quantile(genuine, 0.5))}, p95 ${f3(quantile(genuine, 0.95))}, max ${f3(Math.max(...genuine))}`,
    );
    console.log(
      `  impostor distance (${impostor.length} pairs): min ${f3(Math.min(...impostor))}, p1 ${f3(quantile(impostor, 0.01))}, median ${f3(quantile(impostor, 0.5))}`,
    );
    console.log(`  face EER ${pct(rates.eer)} (distance ${f3(-rates.eerThreshold)})`);
    console.log(`  face FNMR at FMR 1%: ${at1 ? `${pct(at1.fnmr)} (distance ${f3(-at1.threshold)})` : "n/a"}`);
    const hist = (xs: number[]) =>
      [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1, 2].map((edge, i, a) => {
        const lo = i ? a[i - 1] : 0;
        return `<${edge}:${xs.filter((x) => x >= lo && x < edge).length}`;
      });
    console.log(`  genuine by distance  ${hist(genuine).join(" ")}`);
    console.log(`  impostor by distance ${hist(impostor).join(" ")}`);
    console.log(
      `  CPU per face, one worker alone: p50 ${quantile(timing.cpu, 0.5).toFixed(0)} ms, max ${Math.max(...timing.cpu).toFixed(0)} ms (wall p50 ${quantile(timing.wall, 0.5).toFixed(0)} ms); all ${records.length} faces on 2 workers: ${(allWall / 1000).toFixed(1)} s wall, ${(allCpu / 1000).toFixed(1)} s CPU (load average ${loadavg()[0].toFixed(1)} on 2 cores)`,
    );

    // MOSIP's sample faces.
    const lossless = readFixture("iso/face-fac030-jp2-lossless.iso");
    const packet = parseCbeff(readFixture("cbeff/cbeff-sample-1.2-packet.xml").toString("utf8")).birs.find((b) => b.type === "Face")?.bdb;
    const samples: [string, Uint8Array][] = [
      ["MockMDS face, lossless JPEG 2000", lossless],
      ["same capture, MockMDS lossy JPEG 2000", readFixture("iso/face-fac030-jp2-lossy.iso")],
      ["same capture, re-encoded JPEG q75", await reencoded(lossless, "JPEG", 75)],
      ["same capture, re-encoded JPEG q30", await reencoded(lossless, "JPEG", 30)],
      ["same capture, re-encoded PNG", await reencoded(lossless, "PNG")],
      ["MockMDS exception photo (another person)", readFixture("iso/exception-photo-fac030-jp2.iso")],
      ...(packet ? ([["MOSIP 1.2 packet sample face", packet]] as [string, Uint8Array][]) : []),
    ];
    const ds = await describeAll(
      pool,
      samples.map(([, r]) => new Uint8Array(r)),
    );
    console.log("\nMOSIP sample faces - distance to the MockMDS lossless face (detector confidence):");
    for (let i = 0; i < samples.length; i++) {
      const d = ds[i];
      console.log(
        `  ${samples[i][0]}: ${d && ds[0] ? `${f3(faceDistance(ds[0].descriptor, d.descriptor))} (${f3(d.detection)})` : "no face found"}`,
      );
    }
    if (packet && ds[5] && ds[6]) console.log(`  exception photo vs packet face: ${f3(faceDistance(ds[5].descriptor, ds[6].descriptor))}`);
  } finally {
    await pool.close();
  }
}
