// npm run bench:synthesis [-- --subjects N] [-- --packets N]: where the built-in MOSIP's CPU goes (decision 0029).
// All on one thread, CPU time (process.cpuUsage), so the figures hold on a shared machine better than wall time:
// 1. per new subject, each step of its synthesis (ridge growth, finger rendering and PNG encoding, iris
//    rendering and JPEG encoding, the face) and then the whole subject (images, ISO records, CBEFF, payload) and
//    its datashare (JSON, VER_R2 encryption for a fresh partner key), with the body's size;
// 2. per adjudication packet (applicant and three candidates), through the packet stock, with registrations
//    served again (the default) and without (every gallery made anew).
import { loadavg } from "node:os";
import { cpuUsage } from "node:process";
import { FINGER_POSITIONS } from "../lib/biometrics/positions";
import { generatePartnerKey } from "../lib/crypto/generate-partner-key";
import { encodeDatashareBody } from "../lib/simulator/build-datashare";
import { buildPacket, type PacketJob } from "../lib/simulator/build-packet-bodies";
import { PacketStock, REGISTRATIONS_KEPT } from "../lib/simulator/packet-stock";
import { createRng, hashSeed } from "../lib/simulator/prng";
import { createScenario } from "../lib/simulator/scenario";
import { buildSubjectPayload } from "../lib/simulator/subject-datashare";
import { captureVariation, fingerIdentity, growRidges, renderFingerprint } from "../lib/simulator/synthetic-fingerprint";
import { encodeGreyJpeg, encodeGreyPng, irisRaster, renderFacePng } from "../lib/simulator/synthetic-images";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const SUBJECTS = arg("--subjects", 6);
const PACKETS = arg("--packets", 20);
const cpuMs = () => {
  const u = cpuUsage();
  return (u.user + u.system) / 1000;
};

async function perStep(): Promise<void> {
  const steps = new Map<string, number>();
  const timed = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const t = cpuMs();
    const out = await work();
    steps.set(name, (steps.get(name) ?? 0) + cpuMs() - t);
    return out;
  };
  // Warm-up: JIT, sharp's first calls.
  await renderFacePng({ personSeed: 1, captureSeed: 1, female: false });
  growRidges(fingerIdentity(1, 0));
  for (let n = 0; n < SUBJECTS; n++) {
    const person = 1000 + n;
    const subject = { personSeed: person, captureSeed: person * 7, female: n % 2 === 0 };
    for (const [f] of FINGER_POSITIONS.entries()) {
      const id = fingerIdentity(person, f);
      const ridges = await timed("fingers: ridge growth (the person's, once)", () => growRidges(id));
      const capture = captureVariation(createRng(hashSeed(subject.captureSeed, "finger", f)));
      const grey = await timed("fingers: rendering 10 impressions", () => renderFingerprint(id, ridges, capture));
      await timed("fingers: PNG encoding", () => encodeGreyPng(grey));
    }
    for (const eye of ["LEFT", "RIGHT"] as const) {
      const grey = await timed("irises: rendering 2", () => irisRaster(subject, eye));
      await timed("irises: JPEG encoding", () => encodeGreyJpeg(grey));
    }
    await timed("face: SVG rendered to PNG", () => renderFacePng(subject));
  }
  const certificate = generatePartnerKey().certificatePem;
  const scenario = createScenario({ seed: 7, adjudications: SUBJECTS, publicUrl: "http://127.0.0.1:1" });
  let bytes = 0;
  for (const request of scenario.requests) {
    const payload = await timed("whole subject: images, ISO records, CBEFF, payload", () => buildSubjectPayload(request.applicant));
    const body = await timed("its datashare: JSON, VER_R2 encryption", () =>
      encodeDatashareBody(payload, { encryption: "VER_R2", certificate }),
    );
    bytes += body.length;
  }
  console.log(`\n1. One new subject, CPU ms (mean of ${SUBJECTS}), load average ${loadavg()[0].toFixed(1)}:`);
  for (const [name, ms] of steps) console.log(`   ${name.padEnd(52)} ${(ms / SUBJECTS).toFixed(0).padStart(6)}`);
  console.log(`   datashare body ${(bytes / SUBJECTS / 1e6).toFixed(2)} MB`);
}

async function perPacket(): Promise<void> {
  const certificatePem = generatePartnerKey().certificatePem;
  // The stock's own code on this thread: what its workers would do, measured on one clock.
  const pool = {
    size: 1,
    build: async (job: PacketJob) => {
      const r = await buildPacket(job);
      return { bodies: r.bodies.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)), biometrics: r.biometrics };
    },
  };
  console.log(`\n2. Adjudication packets through the packet stock (applicant + 3 candidates), CPU per packet:`);
  for (const registrations of [REGISTRATIONS_KEPT, 0]) {
    const stock = new PacketStock({ pool, publicUrl: "http://127.0.0.1:1", encryption: "VER_R2", certificatePem, size: 0, registrations });
    const t = cpuMs();
    let made = 0;
    const seen = new Set<string>();
    for (let n = 0; n < PACKETS; n++) {
      const { scenario } = await stock.take("ADJUDICATION");
      for (const s of scenario.shares.values()) {
        if (!seen.has(s.rid)) made++;
        seen.add(s.rid);
      }
    }
    const ms = (cpuMs() - t) / PACKETS;
    const label = registrations ? `registrations served again (${registrations} kept)` : "every gallery made anew";
    console.log(
      `   ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms, ${(made / PACKETS).toFixed(2)} new subjects per packet (${PACKETS} packets, load ${loadavg()[0].toFixed(1)})`,
    );
  }
}

await perStep();
await perPacket();
