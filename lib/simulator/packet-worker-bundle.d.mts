export type PacketWorkerStatus = "fresh" | "unverified" | "stale" | "missing";
export const PACKET_WORKER_FILE: string;
export function packetWorkerPaths(simulatorDir: string): { bundle: string; root: string };
export function sourcesHash(root: string, files: string[]): string | null;
export function packetWorkerBanner(hash: string, files: string[]): string;
export function packetWorkerStatus(simulatorDir: string): PacketWorkerStatus;
