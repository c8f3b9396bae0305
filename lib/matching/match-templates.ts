// Comparison of two minutiae templates: pair tables (pair-table.ts) give candidate correspondences
// that need no alignment; a Hough vote over the rotation and translation they imply finds the alignment
// most of them agree on (the global consolidation); the minutiae are then paired one-to-one under that
// alignment, refined once by least squares, and the score weighs the paired count against the minutiae
// both prints could have shown in their common area.
import { angleGap, type PairTable, pairTable, wrap2Pi } from "./pair-table";
import type { FingerTemplate } from "./types";

export interface MatchResult {
  /** 0 (nothing in common) .. 100 (identical minutiae). */
  score: number;
  /** Paired minutiae: index in the first template, index in the second. */
  pairs: [number, number][];
  /** The alignment that maps the first template onto the second. */
  rotation: number;
  dx: number;
  dy: number;
}

const ROTATION_BINS = 36;
const LINK_ANGLE_TOLERANCE = Math.PI / 6;
const PAIR_ANGLE_TOLERANCE = Math.PI / 6;
const CANDIDATE_ALIGNMENTS = 3;

interface Alignment {
  rotation: number;
  dx: number;
  dy: number;
}

// Scratch reused across comparisons: a comparison allocates only its result.
let votesA = new Uint16Array(0);
let votesB = new Uint16Array(0);
let votesRot = new Float32Array(0);
const rotationVotes = new Float32Array(ROTATION_BINS);

export function matchTemplates(a: FingerTemplate, b: FingerTemplate): MatchResult {
  const ta = pairTable(a);
  const tb = pairTable(b);
  const scale = a.ppi / 500;
  const none: MatchResult = { score: 0, pairs: [], rotation: 0, dx: 0, dy: 0 };
  if (ta.x.length < 3 || tb.x.length < 3) return none;

  const found = compatibleLinks(ta, tb, scale);
  if (found === 0) return none;

  rotationVotes.fill(0);
  for (let k = 0; k < found; k++) {
    const bin = Math.floor((votesRot[k] / (2 * Math.PI)) * ROTATION_BINS) % ROTATION_BINS;
    rotationVotes[bin] += 1;
  }
  const alignments = bestAlignments(ta, tb, found, scale);
  let best = none;
  for (const al of alignments) {
    const support = linkSupport(ta, tb, found, al.rotation);
    let result = pairUnder(ta, tb, al, 16 * scale, support);
    if (result.pairs.length >= 3) {
      const refined = refine(ta, tb, result.pairs);
      const second = pairUnder(ta, tb, refined, 12 * scale, support);
      if (second.score >= result.score) result = second;
    }
    if (result.score > best.score) best = result;
  }
  return best;
}

/** Fills votesA/votesB/votesRot with link pairs that agree in length and end angles; returns how many. */
function compatibleLinks(ta: PairTable, tb: PairTable, scale: number): number {
  const capacity = ta.count * 24 + 64;
  if (votesA.length < capacity) {
    votesA = new Uint16Array(capacity);
    votesB = new Uint16Array(capacity);
    votesRot = new Float32Array(capacity);
  }
  let found = 0;
  let start = 0;
  for (let e = 0; e < ta.count; e++) {
    const len = ta.length[e];
    const tol = Math.max(5 * scale, len * 0.1);
    while (start < tb.count && tb.length[start] < len - tol) start++;
    for (let f = start; f < tb.count && tb.length[f] <= len + tol; f++) {
      if (angleGap(ta.fromAngle[e], tb.fromAngle[f]) > LINK_ANGLE_TOLERANCE) continue;
      if (angleGap(ta.toAngle[e], tb.toAngle[f]) > LINK_ANGLE_TOLERANCE) continue;
      if (found >= votesA.length) return found;
      votesA[found] = e;
      votesB[found] = f;
      votesRot[found] = wrap2Pi(tb.direction[f] - ta.direction[e]);
      found++;
    }
  }
  return found;
}

/** Rotation peaks first, then, within each, the translation most link pairs agree on. */
function bestAlignments(ta: PairTable, tb: PairTable, found: number, scale: number): Alignment[] {
  const peaks: number[] = [];
  const smoothed = new Float32Array(ROTATION_BINS);
  for (let r = 0; r < ROTATION_BINS; r++) {
    smoothed[r] =
      rotationVotes[r] + 0.5 * (rotationVotes[(r + 1) % ROTATION_BINS] + rotationVotes[(r + ROTATION_BINS - 1) % ROTATION_BINS]);
  }
  const used = new Uint8Array(ROTATION_BINS);
  for (let p = 0; p < CANDIDATE_ALIGNMENTS; p++) {
    let bestBin = -1;
    for (let r = 0; r < ROTATION_BINS; r++) if (!used[r] && (bestBin < 0 || smoothed[r] > smoothed[bestBin])) bestBin = r;
    if (bestBin < 0 || smoothed[bestBin] === 0) break;
    peaks.push(bestBin);
    used[bestBin] = 1;
    used[(bestBin + 1) % ROTATION_BINS] = 1;
    used[(bestBin + ROTATION_BINS - 1) % ROTATION_BINS] = 1;
  }
  const cell = 12 * scale;
  const out: Alignment[] = [];
  for (const peak of peaks) {
    const centre = ((peak + 0.5) / ROTATION_BINS) * 2 * Math.PI;
    const cells = new Map<number, { n: number; sx: number; sy: number; sc: number; ss: number }>();
    for (let k = 0; k < found; k++) {
      const rot = votesRot[k];
      if (angleGap(rot, centre) > (1.5 * 2 * Math.PI) / ROTATION_BINS) continue;
      const e = votesA[k];
      const f = votesB[k];
      const c = Math.cos(rot);
      const s = Math.sin(rot);
      // Both ends of the link vote: each is a correspondence under this rotation.
      for (let end = 0; end < 2; end++) {
        const i = end === 0 ? ta.from[e] : ta.to[e];
        const j = end === 0 ? tb.from[f] : tb.to[f];
        const tx = tb.x[j] - (c * ta.x[i] - s * ta.y[i]);
        const ty = tb.y[j] - (s * ta.x[i] + c * ta.y[i]);
        const key = (Math.round(tx / cell) + 2048) * 4096 + Math.round(ty / cell) + 2048;
        let v = cells.get(key);
        if (!v) cells.set(key, (v = { n: 0, sx: 0, sy: 0, sc: 0, ss: 0 }));
        v.n++;
        v.sx += tx;
        v.sy += ty;
        v.sc += c;
        v.ss += s;
      }
    }
    let bestKey = -1;
    let bestVotes = 0;
    for (const [key, v] of cells) {
      let votes = v.n;
      for (const dk of [-4097, -4096, -4095, -1, 1, 4095, 4096, 4097]) votes += (cells.get(key + dk)?.n ?? 0) * 0.5;
      if (votes > bestVotes) (bestVotes = votes), (bestKey = key);
    }
    if (bestKey < 0) continue;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sc = 0;
    let ss = 0;
    for (const dk of [0, -4097, -4096, -4095, -1, 1, 4095, 4096, 4097]) {
      const v = cells.get(bestKey + dk);
      if (!v) continue;
      n += v.n;
      sx += v.sx;
      sy += v.sy;
      sc += v.sc;
      ss += v.ss;
    }
    out.push({ rotation: Math.atan2(ss, sc), dx: sx / n, dy: sy / n });
  }
  return out;
}

/**
 * Correspondences backed by at least one link pair that agrees with the rotation: a minutia pair with no
 * neighbour in the same relation on both sides is a coincidence of position, and impostors are made of those.
 */
function linkSupport(ta: PairTable, tb: PairTable, found: number, rotation: number): Uint8Array {
  const nb = tb.x.length;
  const support = new Uint8Array(ta.x.length * nb);
  for (let k = 0; k < found; k++) {
    if (angleGap(votesRot[k], rotation) > LINK_ANGLE_TOLERANCE) continue;
    const e = votesA[k];
    const f = votesB[k];
    support[ta.from[e] * nb + tb.from[f]] = 1;
    support[ta.to[e] * nb + tb.to[f]] = 1;
  }
  return support;
}

/** One-to-one pairing under an alignment, nearest first, with the score that pairing earns. */
function pairUnder(ta: PairTable, tb: PairTable, al: Alignment, radius: number, support: Uint8Array): MatchResult {
  const na = ta.x.length;
  const nb = tb.x.length;
  const c = Math.cos(al.rotation);
  const s = Math.sin(al.rotation);
  const ax = new Float32Array(na);
  const ay = new Float32Array(na);
  for (let i = 0; i < na; i++) {
    ax[i] = c * ta.x[i] - s * ta.y[i] + al.dx;
    ay[i] = s * ta.x[i] + c * ta.y[i] + al.dy;
  }
  const candidates: number[] = [];
  const r2 = radius * radius;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const ddx = ax[i] - tb.x[j];
      const ddy = ay[i] - tb.y[j];
      const d = ddx * ddx + ddy * ddy;
      if (d > r2 || !support[i * nb + j]) continue;
      if (angleGap(ta.angle[i] + al.rotation, tb.angle[j]) > PAIR_ANGLE_TOLERANCE) continue;
      candidates.push(d, i, j);
    }
  }
  const order = Array.from({ length: candidates.length / 3 }, (_, k) => k).sort((p, q) => candidates[3 * p] - candidates[3 * q]);
  const takenA = new Uint8Array(na);
  const takenB = new Uint8Array(nb);
  const pairs: [number, number][] = [];
  for (const k of order) {
    const i = candidates[3 * k + 1];
    const j = candidates[3 * k + 2];
    if (takenA[i] || takenB[j]) continue;
    takenA[i] = 1;
    takenB[j] = 1;
    pairs.push([i, j]);
  }
  // The common area: each side's minutiae that fall inside the other's minutiae bounding box.
  const margin = radius / 2;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < nb; j++) {
    minX = Math.min(minX, tb.x[j]);
    maxX = Math.max(maxX, tb.x[j]);
    minY = Math.min(minY, tb.y[j]);
    maxY = Math.max(maxY, tb.y[j]);
  }
  let inA = 0;
  for (let i = 0; i < na; i++) if (ax[i] >= minX - margin && ax[i] <= maxX + margin && ay[i] >= minY - margin && ay[i] <= maxY + margin) inA++;
  minX = minY = Number.POSITIVE_INFINITY;
  maxX = maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < na; i++) {
    minX = Math.min(minX, ax[i]);
    maxX = Math.max(maxX, ax[i]);
    minY = Math.min(minY, ay[i]);
    maxY = Math.max(maxY, ay[i]);
  }
  let inB = 0;
  for (let j = 0; j < nb; j++) if (tb.x[j] >= minX - margin && tb.x[j] <= maxX + margin && tb.y[j] >= minY - margin && tb.y[j] <= maxY + margin) inB++;
  const n = pairs.length;
  // Fewer than half the smaller template in the common area means an alignment that pushed one print
  // mostly off the other: a real comparison of two impressions shares more than that.
  const floor = Math.max(12, 0.5 * Math.min(na, nb));
  const score = n < 3 ? 0 : (100 * n * n) / (Math.max(inA, n, floor) * Math.max(inB, n, floor));
  return { score: Math.round(score * 10) / 10, pairs, rotation: al.rotation, dx: al.dx, dy: al.dy };
}

/** Least-squares rigid alignment (rotation + translation) of the paired minutiae. */
function refine(ta: PairTable, tb: PairTable, pairs: [number, number][]): Alignment {
  let max = 0;
  let may = 0;
  let mbx = 0;
  let mby = 0;
  for (const [i, j] of pairs) (max += ta.x[i]), (may += ta.y[i]), (mbx += tb.x[j]), (mby += tb.y[j]);
  const n = pairs.length;
  max /= n;
  may /= n;
  mbx /= n;
  mby /= n;
  let sxx = 0;
  let sxy = 0;
  for (const [i, j] of pairs) {
    const px = ta.x[i] - max;
    const py = ta.y[i] - may;
    const qx = tb.x[j] - mbx;
    const qy = tb.y[j] - mby;
    sxx += px * qx + py * qy;
    sxy += px * qy - py * qx;
  }
  const rotation = Math.atan2(sxy, sxx);
  const c = Math.cos(rotation);
  const s = Math.sin(rotation);
  return { rotation, dx: mbx - (c * max - s * may), dy: mby - (s * max + c * may) };
}
