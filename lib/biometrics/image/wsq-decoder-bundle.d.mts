export const WSQ_BUNDLE_FILE: string;
export type WsqBundleStatus = "fresh" | "unverified" | "stale" | "missing";
export function wsqBundlePaths(imageDir: string): { bundle: string; sources: string };
export function wsqSourceHash(sourceDir: string): string | null;
export function wsqBundleBanner(sourceHash: string): string;
export function wsqBundleStatus(imageDir: string): WsqBundleStatus;
