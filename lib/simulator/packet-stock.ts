// Packets prepared ahead: a small stock of ready requests (one request and the encrypted datashare bodies of all
// its subjects each), refilled in the background by the synthesis workers, so that a request for N cases is
// answered from the stock at once while the stock refills. Only the default kind is stocked (PNG fingers); other
// codecs are built when asked for. Memory is bounded by the stock size: a subject's body is a few MB.

import { randomInt } from "node:crypto";
import type { DatashareEncryption } from "./build-datashare";
import type { FingerCompression } from "./iso/write-finger-record";
import { createScenario, type Scenario } from "./scenario";
import type { SynthesisPool } from "./synthesis-pool";
import { recordScenarioIdentities } from "./record-identities";

export type PacketKind = "ADJUDICATION" | "VERIFICATION";

export interface PreparedPacket {
  /** A scenario of exactly one request. */
  scenario: Scenario;
  /** Encrypted datashare bodies by share key. */
  bodies: Map<string, Buffer>;
}

export interface PacketStockOptions {
  pool: SynthesisPool;
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
  private readonly building: Record<PacketKind, number> = { ADJUDICATION: 0, VERIFICATION: 0 };
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

  /** A packet of this kind: from the stock when one is ready, else built now, ahead of any refill. */
  take(kind: PacketKind, fingerCodec: FingerCompression = STOCKED_CODEC): Promise<PreparedPacket> {
    const stocked = fingerCodec === STOCKED_CODEC ? this.ready[kind].shift() : undefined;
    this.refill();
    return stocked ? Promise.resolve(stocked) : this.build(kind, fingerCodec, "now");
  }

  private target(kind: PacketKind): number {
    const n = this.opts.size;
    return kind === "ADJUDICATION" ? n : n === 0 ? 0 : Math.max(1, Math.ceil(n / 4));
  }

  private refill(): void {
    for (const kind of ["ADJUDICATION", "VERIFICATION"] as const) {
      while (!this.stopped && this.ready[kind].length + this.building[kind] < this.target(kind)) {
        this.building[kind]++;
        this.build(kind, STOCKED_CODEC, "ahead")
          .then((packet) => {
            if (!this.stopped) this.ready[kind].push(packet);
          })
          .catch((e) => this.opts.log?.(`[simulator] could not prepare a packet: ${(e as Error).message}`))
          .finally(() => {
            this.building[kind]--;
          });
      }
    }
  }

  private async build(kind: PacketKind, fingerCodec: FingerCompression, priority: "now" | "ahead"): Promise<PreparedPacket> {
    const scenario = createScenario({
      seed: randomInt(1, 2 ** 31),
      adjudications: kind === "ADJUDICATION" ? 1 : 0,
      verifications: kind === "VERIFICATION" ? 1 : 0,
      publicUrl: this.opts.publicUrl,
    });
    recordScenarioIdentities(scenario);
    const subjects = [...scenario.shares.values()];
    const bodies = await this.opts.pool.run(
      { subjects, encryption: this.opts.encryption, certificatePem: this.opts.certificatePem, fingerCodec },
      priority,
    );
    return { scenario, bodies: new Map(subjects.map((s, i) => [s.shareKey as string, bodies[i]])) };
  }
}
