// Minutiae on the skeleton by the crossing number (Rutovitz; Arcelli & Baja): half the number of 0/1
// changes around a pixel's 8 neighbours is 1 at a ridge ending and 3 at a bifurcation. Each candidate's
// direction comes from following its ridge(s) a short way, and the same walks expose the classic false
// structures of a skeleton (spurs, bridges, short islands, broken ridges), which are removed in pairs.
import type { BlockField } from "./orientation-field";
import type { BlockMask } from "./segment";
import type { Minutia } from "./types";

const DX = [0, 1, 1, 1, 0, -1, -1, -1];
const DY = [-1, -1, 0, 1, 1, 1, 0, -1];

interface Candidate {
  x: number;
  y: number;
  bifurcation: boolean;
  angle: number;
  removed: boolean;
}

/** Where a walk along the skeleton stopped. */
enum Stop {
  LENGTH = 0,
  MINUTIA = 1,
  DEAD_END = 2,
}

export interface DetectOptions {
  /** Typical ridge period in pixels; sets the lengths of walks and the pruning distances. */
  period: number;
  maxMinutiae?: number;
}

export function detectMinutiae(
  skeleton: Uint8Array,
  width: number,
  height: number,
  field: BlockField,
  mask: BlockMask,
  options: DetectOptions,
): Minutia[] {
  const { block, cols } = field;
  const w = width;
  const offsets = DX.map((dx, k) => DY[k] * w + dx);
  const owner = new Int32Array(width * height).fill(-1);
  const candidates: Candidate[] = [];

  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * w + x;
      if (!skeleton[i]) continue;
      if (!mask.foreground[((y / block) | 0) * cols + ((x / block) | 0)]) continue;
      let changes = 0;
      for (let k = 0; k < 8; k++) if (!skeleton[i + offsets[k]] && skeleton[i + offsets[(k + 1) & 7]]) changes++;
      if (changes === 1 || changes === 3) {
        owner[i] = candidates.length;
        candidates.push({ x, y, bifurcation: changes === 3, angle: 0, removed: false });
      }
    }
  }

  const stamp = new Int32Array(width * height);
  let walkId = 0;
  const walkLength = Math.max(6, Math.round(options.period * 1.2));
  const spur = Math.round(options.period * 1.6);
  const island = Math.round(options.period * 2.2);

  // Follows the skeleton from `start` through `first`; returns where it ended.
  const walk = (start: number, first: number, maxSteps: number) => {
    walkId++;
    stamp[start] = walkId;
    let at = first;
    let steps = 1;
    let stop = Stop.LENGTH;
    let hit = -1;
    while (steps < maxSteps) {
      stamp[at] = walkId;
      const o = owner[at];
      if (o >= 0 && o !== owner[start]) {
        stop = Stop.MINUTIA;
        hit = o;
        break;
      }
      let next = -1;
      // Prefer 4-neighbours so a diagonal shortcut never skips a pixel the walk would later step back on.
      for (let pass = 0; pass < 2 && next < 0; pass++) {
        for (let k = pass; k < 8; k += 2) {
          const j = at + offsets[k];
          if (skeleton[j] && stamp[j] !== walkId) {
            next = j;
            break;
          }
        }
      }
      if (next < 0) {
        stop = Stop.DEAD_END;
        break;
      }
      at = next;
      steps++;
      const ax = at % w;
      const ay = (at / w) | 0;
      if (ax < 1 || ay < 1 || ax >= width - 1 || ay >= height - 1) break;
    }
    return { at, steps, stop, hit };
  };

  const pairRemove = (a: number, b: number) => {
    candidates[a].removed = true;
    if (b >= 0) candidates[b].removed = true;
  };

  for (let c = 0; c < candidates.length; c++) {
    const m = candidates[c];
    const i = m.y * w + m.x;
    // Branch starts: the first skeleton pixel of each run of neighbours.
    const starts: number[] = [];
    for (let k = 0; k < 8; k++) {
      if (!skeleton[i + offsets[(k + 7) & 7]] && skeleton[i + offsets[k]]) {
        // Within a run, a 4-neighbour is the better first step.
        let best = i + offsets[k];
        for (let r = k; r < k + 3 && skeleton[i + offsets[r & 7]]; r++) {
          if ((r & 1) === 0) {
            best = i + offsets[r & 7];
            break;
          }
        }
        starts.push(best);
      }
    }
    const angles: number[] = [];
    for (const s of starts) {
      const r = walk(i, s, walkLength);
      const ex = r.at % w;
      const ey = (r.at / w) | 0;
      angles.push(Math.atan2(ey - m.y, ex - m.x));
      if (r.stop === Stop.MINUTIA) {
        const other = candidates[r.hit];
        if (!m.bifurcation && !other.bifurcation && r.steps <= island) pairRemove(c, r.hit);
        else if (m.bifurcation !== other.bifurcation && r.steps <= spur) pairRemove(c, r.hit);
        else if (m.bifurcation && other.bifurcation && r.steps <= spur) pairRemove(c, r.hit);
      } else if (r.stop === Stop.DEAD_END && m.bifurcation && r.steps <= spur) {
        // A short dead-end branch off a bifurcation is a spur whose ending was not a candidate.
        m.removed = true;
      }
    }
    if (!m.bifurcation) {
      // Walked into the ridge: the ending points the other way.
      m.angle = angles.length ? angles[0] + Math.PI : 0;
    } else if (angles.length >= 3) {
      // The two branches closest in direction form the fork; the third is the stem. Point into the fork.
      let stem = 0;
      let bestGap = Number.POSITIVE_INFINITY;
      for (let a = 0; a < 3; a++) {
        const p = angles[(a + 1) % 3];
        const q = angles[(a + 2) % 3];
        const gap = Math.abs(wrapPi(p - q));
        if (gap < bestGap) {
          bestGap = gap;
          stem = a;
        }
      }
      m.angle = angles[stem] + Math.PI;
    } else {
      m.removed = true;
    }
    m.angle = wrap2Pi(m.angle);
  }

  // Broken ridges: two endings close together, facing each other across the gap.
  const gap = options.period * 1.6;
  const endings = candidates.map((_m, k) => k).filter((k) => !candidates[k].bifurcation && !candidates[k].removed);
  for (let a = 0; a < endings.length; a++) {
    const p = candidates[endings[a]];
    for (let b = a + 1; b < endings.length; b++) {
      const q = candidates[endings[b]];
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d > gap || d === 0) continue;
      const facing = Math.abs(wrapPi(p.angle - q.angle - Math.PI)) < Math.PI / 4;
      const line = Math.atan2(q.y - p.y, q.x - p.x);
      if (facing && Math.abs(wrapPi(p.angle - line)) < Math.PI / 3) {
        p.removed = true;
        q.removed = true;
      }
    }
  }

  // Only the interior: near the print's edge ridges end because the print does.
  const kept = candidates.filter((m) => !m.removed && mask.interior[((m.y / block) | 0) * cols + ((m.x / block) | 0)]);

  // Clusters: three or more minutiae within a period of each other are noise, not detail.
  const clusterRadius = options.period;
  const crowded = new Uint8Array(kept.length);
  for (let a = 0; a < kept.length; a++) {
    let near = 0;
    for (let b = 0; b < kept.length; b++) {
      if (a !== b && Math.abs(kept[a].x - kept[b].x) <= clusterRadius && Math.abs(kept[a].y - kept[b].y) <= clusterRadius) {
        if (Math.hypot(kept[a].x - kept[b].x, kept[a].y - kept[b].y) <= clusterRadius) near++;
      }
    }
    if (near >= 2) crowded[a] = 1;
  }

  const result: Minutia[] = [];
  for (let a = 0; a < kept.length; a++) {
    if (crowded[a]) continue;
    const m = kept[a];
    const b = ((m.y / block) | 0) * cols + ((m.x / block) | 0);
    const edge = Math.min(1, (mask.depth[b] - 1) / 3);
    const quality = Math.max(1, Math.min(100, Math.round(100 * field.coherence[b] * (0.4 + 0.6 * edge))));
    result.push({ x: m.x, y: m.y, angle: m.angle, type: m.bifurcation ? "BIFURCATION" : "ENDING", quality });
  }
  result.sort((p, q) => q.quality - p.quality);
  return result.slice(0, options.maxMinutiae ?? 100);
}

function wrapPi(a: number): number {
  let v = a % (2 * Math.PI);
  if (v > Math.PI) v -= 2 * Math.PI;
  if (v < -Math.PI) v += 2 * Math.PI;
  return v;
}

function wrap2Pi(a: number): number {
  const v = a % (2 * Math.PI);
  return v < 0 ? v + 2 * Math.PI : v;
}
