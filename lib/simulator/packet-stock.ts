// Packets prepared ahead: a small stock of ready requests (one request and the encrypted datashare bodies of all
// its subjects each), refilled in the background by the synthesis workers, so that a request for N cases is
// answered from the stock at once while the stock refills. Only the default kind is stocked (PNG fingers); other
// codecs are built when asked for. Memory is bounded by the stock size: a subject's body is a few MB.
//
// A request takes a packet still being built for the stock rather than starting another (at start-up the stock's
// first builds are under way when the first batch is asked for), and the stock refills one packet at a time:
// a refill never holds more than one synthesis worker, so a batch someone waits for gets the others and the
// pages keep a core (decision 0019).

import { randomInt } from "node:crypto";
import type { DatashareEncryption } from "./build-datashare";
import type { FingerCompression } from "./iso/write-finger-record";
import { createScenario, type Scenario } from "./scenario";
import type { SynthesisPool } from "./synthesis-pool";
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
  pool: Pick<SynthesisPool, "run">;
  /** Base URL of the datashare server that will serve the bodies, as the MAS reaches it. */
  publicUrl: string;
  encryption: DatashareEncryption;
  certificatePem: string | null;
  /** Ready adjudication packets to keep; verifications get a quarter of it (at least one when non-zero). 0 = none. */
  size: number;
  log?: (line: string) => void;
}

const STOCKED_CODEC: FingerCompression = "PNG";

export class PacketStock {
  private readonly ready: Record<PacketKind, PreparedPacket[]> = { ADJUDICATION: [], VERIFICATION: [] };
  /** Builds for the stock not yet taken, oldest first. */
  private readonly building: Record<PacketKind, Promise<PreparedPacket>[]> = { ADJUDICATION: [], VERIFICATION: [] };
  /** Refill builds in flight, taken or not: at most one. */
  private refilling = 0;
  private stopped = false;

  constructor(private readonly opts: PacketStockOptions) {}

  /** Starts filling the stock in the background. */
  start(): void {
    this.refill();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Ready packets held, per kind. */
  count(kind: PacketKind): number {
    return this.ready[kind].length;
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

  private async build(kind: PacketKind, fingerCodec: FingerCompression, priority: "now" | "ahead"): Promise<PreparedPacket> {
    const scenario = createScenario({
      seed: randomInt(1, 2 ** 31),
      adjudications: kind === "ADJUDICATION" ? 1 : 0,
      verifications: kind === "VERIFICATION" ? 1 : 0,
      publicUrl: this.opts.publicUrl,
    });
    recordScenarioIdentities(scenario);
    recordScenarioTruth(scenario);
    const subjects = [...scenario.shares.values()];
    const bodies = await this.opts.pool.run(
      { subjects, encryption: this.opts.encryption, certificatePem: this.opts.certificatePem, fingerCodec },
      priority,
    );
    return { scenario, bodies: new Map(subjects.map((s, i) => [s.shareKey as string, bodies[i]])) };
  }
}
