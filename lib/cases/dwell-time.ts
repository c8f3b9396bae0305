// The minimum dwell time of a case: how long an officer should have had it open before deciding. Pure and
// client-safe, so the workbench can show the same figure the server enforces (lib/cases/dwell-guard.ts).
//
//   required seconds = base + perComparison × max(1, candidates) × max(1, modalities present)
//
// One comparison is one candidate in one modality (a face, the fingers, the irises): the work grows with both.
// A verification case has no gallery and counts as one candidate; a case whose biometrics were never read
// counts as one modality, so the guard never asks for more than the officer could have looked at.

export interface DwellSettings {
  minDwellBaseSeconds: number;
  minDwellSecondsPerComparison: number;
}

export function requiredDwellSeconds(settings: DwellSettings, c: { candidates: number; modalities: number | null }): number {
  const comparisons = Math.max(1, c.candidates) * Math.max(1, c.modalities ?? 1);
  return settings.minDwellBaseSeconds + settings.minDwellSecondsPerComparison * comparisons;
}

/** Distinct modalities with at least one image present in a biometric grid (0 to 3). */
export function modalitiesPresent(grid: { cells: { modality: string; state: string }[] } | null): number {
  if (!grid) return 0;
  return new Set(grid.cells.filter((c) => c.state === "present").map((c) => c.modality)).size;
}
