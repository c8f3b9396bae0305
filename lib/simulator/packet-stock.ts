// Packets prepared ahead: a small stock of ready requests (one request and the encrypted datashare bodies of all
// its subjects each), refilled in the background by the synthesis workers, so that a request for N cases is
// answered from the stock at once while the stock refills. Only the default kind is stocked (PNG fingers); other
// codecs are built when asked for. Memory is bounded by the stock size: a subject's body is a few MB.
//
// A request takes a packet still being built for the stock rather than starting another (at start-up the stock's
// first builds are under way when the first batch is asked for), and the stock refills one packet at a time:
// a refill never holds more than one synthesis worker, so a batch someone waits for gets the others and the
// pages keep a core (decision 0019).
//
// Registrations are kept and come back (decision 0029): the subjects the stock made are what MOSIP now holds, so
// later adjudication galleries are drawn from them (same RID, same images, a new share) and a true duplicate is
// one of those people registering again. A packet then costs one new person instead of four. A scenario is
// written when a worker is free to build it, so that it can draw on every packet finished before.

import { randomInt } from "node:crypto";
import type { DatashareEncryption } from "./build-datashare";
import type { FingerCompression } from "./iso/write-finger-record";
import { createScenario, type Scenario, type SimSubject } from "./scenario";
import type { JobPriority, SynthesisPool } from "./synthesis-pool";
import { recordScenarioIdentities } from "./record-identities";
import { recordScenarioTruth } from "./record-truth";

export type PacketKind = "ADJUDICATION" | "VERIFICATION";

export interface PreparedPacket {
  /** A scenario of exactly one request. */
  scenario: Scenario;
  /** Encrypted datashare bodies by share key. */
  bodies: Map<string, Buffer>;
}

export interface PacketStockOptions {
  pool: Pick<SynthesisPool, "build" | "size">;
  /** Base URL of the datashare server that will serve the bodies, as the MAS reaches it. */
  publicUrl: string;
  encryption: DatashareEncryption;
  certificatePem: string | null;
  /** Ready adjudication packets to keep; verifications get a quarter of it (at least one when non-zero). 0 = none. */
  size: number;
  /** Registrations kept to be served again (default REGISTRATIONS_KEPT); 0 = every gallery is made anew. */
  registrations?: number;
  log?: (line: string) => void;
}

const STOCKED_CODEC: FingerCompression = "PNG";
/** About 1.4 MB each (the encoded biometrics): enough people for a varied demo, a bounded memory. */
export const REGISTRATIONS_KEPT = 32;
/** A registration is a gallery candidate in at most this many requests, so that a demo's galleries vary. */
export const GALLERY_APPEARANCES = 3;

interface Registration {
  subject: SimSubject;
  /** The datashare's biometrics field: the same images every time the registration is served. */
  biometrics: string;
  appearances: number;
}

interface Build {
  kind: PacketKind;
  fingerCodec: FingerCompression;
  priority: JobPriority;
  resolve: (packet: PreparedPacket) => void;
  reject: (error: Error) => void;
}

export class PacketStock {
  private readonly ready: Record<PacketKind, PreparedPacket[]> = { ADJUDICATION: [], VERIFICATION: [] };
  /** Builds for the stock not yet taken, oldest first. */
  private readonly building: Record<PacketKind, Promise<PreparedPacket>[]> = { ADJUDICATION: [], VERIFICATION: [] };
  /** Refill builds in flight, taken or not: at most one. */
  private refilling = 0;
  /** Builds waiting for a synthesis worker: "now" ones first. */
  private readonly waiting: Build[] = [];
  private running = 0;
  /** Oldest first, by RID. */
  private readonly registrations = new Map<string, Registration>();
  private stopped = false;

  constructor(private readonly opts: PacketStockOptions) {}

  /** Starts filling the stock in the background. */
  start(): void {
    this.refill();
  }

  stop(): void {
    this.stopped = true;
    for (const b of this.waiting.splice(0)) b.reject(new Error("packet stock stopped"));
  }

  /** Ready packets held, per kind. */
  count(kind: PacketKind): number {
    return this.ready[kind].length;
  }

  /** Registrations held to be served again. */
  get registered(): number {
    return this.registrations.size;
  }

  /**
   * A packet of this kind: from the stock when one is ready, else one being built for the stock, else built now,
   * ahead of any refill.
   */
  take(kind: PacketKind, fingerCodec: FingerCompression = STOCKED_CODEC): Promise<PreparedPacket> {
    const stocked = fingerCodec === STOCKED_CODEC ? this.ready[kind].shift() : undefined;
    const underway = fingerCodec === STOCKED_CODEC && !stocked ? this.building[kind].shift() : undefined;
    this.refill();
    if (stocked) return Promise.resolve(stocked);
    return underway ?? this.build(kind, fingerCodec, "now");
  }

  private target(kind: PacketKind): number {
    const n = this.opts.size;
    return kind === "ADJUDICATION" ? n : n === 0 ? 0 : Math.max(1, Math.ceil(n / 4));
  }

  private refill(): void {
    if (this.stopped || this.refilling > 0) return;
    const kind = (["ADJUDICATION", "VERIFICATION"] as const).find((k) => this.ready[k].length + this.building[k].length < this.target(k));
    if (!kind) return;
    this.refilling++;
    const packet = this.build(kind, STOCKED_CODEC, "ahead");
    this.building[kind].push(packet);
    // Stocked only if no request took it while it was being built (take() removes it from building).
    const untaken = () => {
      const at = this.building[kind].indexOf(packet);
      if (at !== -1) this.building[kind].splice(at, 1);
      return at !== -1;
    };
    packet
      .then(
        (p) => {
          if (untaken() && !this.stopped) this.ready[kind].push(p);
        },
        (e) => {
          untaken();
          this.opts.log?.(`[simulator] could not prepare a packet: ${(e as Error).message}`);
        },
      )
      .finally(() => {
        this.refilling--;
        this.refill();
      });
  }

  /** Queues a build; it starts when a synthesis worker is free. */
  private build(kind: PacketKind, fingerCodec: FingerCompression, priority: JobPriority): Promise<PreparedPacket> {
    if (this.stopped) return Promise.reject(new Error("packet stock stopped"));
    return new Promise((resolve, reject) => {
      const b: Build = { kind, fingerCodec, priority, resolve, reject };
      const firstAhead = this.waiting.findIndex((w) => w.priority === "ahead");
      if (priority === "now" && firstAhead !== -1) this.waiting.splice(firstAhead, 0, b);
      else this.waiting.push(b);
      this.startWaiting();
    });
  }

  private startWaiting(): void {
    while (!this.stopped && this.running < this.opts.pool.size && this.waiting.length > 0) {
      const b = this.waiting.shift() as Build;
      this.running++;
      this.synthesise(b)
        .then(b.resolve, b.reject)
        .finally(() => {
          this.running--;
          this.startWaiting();
        });
    }
  }

  private async synthesise({ kind, fingerCodec, priority }: Build): Promise<PreparedPacket> {
    // Only stocked-codec registrations are served again: a WSQ request gets WSQ fingers for every subject.
    const reuse = kind === "ADJUDICATION" && fingerCodec === STOCKED_CODEC;
    const held = reuse ? [...this.registrations.values()] : [];
    const scenario = createScenario({
      seed: randomInt(1, 2 ** 31),
      adjudications: kind === "ADJUDICATION" ? 1 : 0,
      verifications: kind === "VERIFICATION" ? 1 : 0,
      publicUrl: this.opts.publicUrl,
      registered: held.map((r) => r.subject),
    });
    recordScenarioIdentities(scenario);
    recordScenarioTruth(scenario);
    const subjects = [...scenario.shares.values()];
    const known = subjects.map((s) => (s.kind === "CANDIDATE" ? this.registrations.get(s.rid) : undefined));
    for (const r of known) {
      // A registration seen often enough makes room for newer ones.
      if (r && ++r.appearances >= GALLERY_APPEARANCES) this.registrations.delete(r.subject.rid);
    }
    const { bodies, biometrics } = await this.opts.pool.build(
      {
        subjects,
        biometrics: known.map((r) => r?.biometrics ?? null),
        returnBiometrics: reuse,
        encryption: this.opts.encryption,
        certificatePem: this.opts.certificatePem,
        fingerCodec,
      },
      priority,
    );
    if (reuse && biometrics) {
      for (const [i, s] of subjects.entries()) if (!known[i]) this.register(s, biometrics[i]);
    }
    return { scenario, bodies: new Map(subjects.map((s, i) => [s.shareKey as string, bodies[i]])) };
  }

  private register(subject: SimSubject, biometrics: string | null): void {
    const limit = this.opts.registrations ?? REGISTRATIONS_KEPT;
    if (biometrics === null || limit === 0 || this.registrations.has(subject.rid)) return;
    this.registrations.set(subject.rid, { subject, biometrics, appearances: 0 });
    while (this.registrations.size > limit) this.registrations.delete(this.registrations.keys().next().value as string);
  }
}
