import { buildBiometricGrid } from "@/lib/biometrics/grid";
import type { Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
import { FINGER_POSITIONS, type SingleFingerPosition } from "@/lib/biometrics/positions";

/**
 * The finger image the workbench shows at each position (the grid's choice: the first BIR with an image, not an
 * exception), so the comparison aid scores exactly what the officer compares. Positions without one are absent.
 */
export function fingerBirs(birs: readonly Bir[]): Map<SingleFingerPosition, number> {
  const out = new Map<SingleFingerPosition, number>();
  if (birs.length === 0) return out;
  const positions = new Set<string>(FINGER_POSITIONS);
  for (const cell of buildBiometricGrid([...birs]).cells) {
    if (cell.modality !== "Finger" || cell.state !== "present" || cell.birIndex === null) continue;
    if (!positions.has(cell.slot)) continue;
    const bdb = birs[cell.birIndex]?.bdb;
    if (bdb && bdb.length > 0) out.set(cell.slot as SingleFingerPosition, cell.birIndex);
  }
  return out;
}
