// Comparison of two minutiae templates: pair tables (pair-table.ts) give candidate correspondences
// that need no alignment; a Hough vote over the rotation and translation they imply finds the alignment
// most of them agree on (the global consolidation); the minutiae are then paired one-to-one under that
// alignment - only pairs that some agreeing link vouches for - refined once by least squares, and the
// score weighs the paired count against the minutiae both prints could have shown in their common area.
import { ANGLE_BUCKETS, angleGap, type PairTable, pairTable, wrap2Pi } from "./pair-table";
import type { FingerTemplate } from "./types";

export interface MatchResult {
  /** 0 (nothing in common) .. 100 (identical minutiae). */
  score: number;
  /** Paired minutiae: index in the first template, index in the second. */
  pairs: [number, number][];
  /** The alignment that maps the first template onto the second (radians, pixels). */
  rotation: number;
  dx: number;
  dy: number;
}

const ROTATION_BINS = 36;
const LINK_ANGLE_TOLERANCE = Math.PI / 6;
const PAIR_ANGLE_TOLERANCE = Math.PI / 6;
const CANDIDATE_ALIGNMENTS = 3;
/** Translation grid: cells of 12 px (at 500 ppi) over +-GRID/2 cells. */
const GRID = 128;

interface Alignment {
  rotation: number;
  dx: number;
  dy: number;
}

// Scratch reused across comparisons (one comparison at a time per thread): a comparison allocates
// little beyond its result.
let linkA = new Int32Array(0);
let linkB = new Int32Array(0);
let linkRot = new Float32Array(0);
const rotationVotes = new Float32Array(ROTATION_BINS);
const cellCount = new Float32Array(GRID * GRID);
const cellX = new Float32Array(GRID * GRID);
const cellY = new Float32Array(GRID * GRID);
const cellC = new Float32Array(GRID * GRID);
const cellS = new Float32Array(GRID * GRID);
let touched = new Int32Array(0);

export function matchTemplates(a: FingerTemplate, b: FingerTemplate): MatchResult {
  const ta = pairTable(a);
  const tb = pairTable(b);
  const scale = a.ppi / 500;
  const none: MatchResult = { score: 0, pairs: [], rotation: 0, dx: 0, dy: 0 };
  if (ta.x.length < 3 || tb.x.length < 3) return none;

  const found = compatibleLinks(ta, tb, scale);
  if (found === 0) return none;

  let best = none;
  for (const al of bestAlignments(ta, tb, found, scale)) {
    const support = supportedPairs(ta, tb, found, al.rotation);
    let result = pairUnder(ta, tb, al, 16 * scale, support);
    if (result.pairs.length >= 3) {
      const second = pairUnder(ta, tb, refine(ta, tb, result.pairs), 12 * scale, support);
      if (second.score >= result.score) result = second;
    }
    if (result.score > best.score) best = result;
  }
  return best;
}

/** Fills linkA/linkB/linkRot with link pairs that agree in length and end angles; returns how many. */
function compatibleLinks(ta: PairTable, tb: PairTable, scale: number): number {
  const capacity = ta.count * 16 + 64;
  if (linkA.length < capacity) {
    linkA = new Int32Array(capacity);
    linkB = new Int32Array(capacity);
    linkRot = new Float32Array(capacity);
  }
  const bucketWidth = (2 * Math.PI) / ANGLE_BUCKETS;
  const reach = Math.ceil(LINK_ANGLE_TOLERANCE / bucketWidth);
  let found = 0;
  for (let e = 0; e < ta.count; e++) {
    const len = ta.length[e];
    const tol = Math.max(5 * scale, len * 0.1);
    const fromA = ta.fromAngle[e];
    const toA = ta.toAngle[e];
    const home = Math.floor(fromA / bucketWidth);
    for (let db = -reach; db <= reach; db++) {
      const bucket = (home + db + ANGLE_BUCKETS) % ANGLE_BUCKETS;
      let lo = tb.bucketStart[bucket];
      let hi = tb.bucketStart[bucket + 1];
      const end = hi;
      // First link at least len - tol long.
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tb.length[tb.bucketLinks[mid]] < len - tol) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < end; k++) {
        const f = tb.bucketLinks[k];
        if (tb.length[f] > len + tol) break;
        if (angleGap(fromA, tb.fromAngle[f]) > LINK_ANGLE_TOLERANCE) continue;
        if (angleGap(toA, tb.toAngle[f]) > LINK_ANGLE_TOLERANCE) continue;
        if (found >= linkA.length) return found;
        linkA[found] = e;
        linkB[found] = f;
        linkRot[found] = wrap2Pi(tb.direction[f] - ta.direction[e]);
        found++;
      }
    }
  }
  return found;
}

/** Rotation peaks first, then, within each, the translation most link pairs agree on. */
function bestAlignments(ta: PairTable, tb: PairTable, found: number, scale: number): Alignment[] {
  rotationVotes.fill(0);
  for (let k = 0; k < found; k++) rotationVotes[Math.floor((linkRot[k] / (2 * Math.PI)) * ROTATION_BINS) % ROTATION_BINS] += 1;
  const smoothed = new Float32Array(ROTATION_BINS);
  for (let r = 0; r < ROTATION_BINS; r++) {
    smoothed[r] =
      rotationVotes[r] + 0.5 * (rotationVotes[(r + 1) % ROTATION_BINS] + rotationVotes[(r + ROTATION_BINS - 1) % ROTATION_BINS]);
  }
  const peaks: number[] = [];
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
  const half = GRID / 2;
  if (touched.length < 2 * found) touched = new Int32Array(2 * found + 64);
  const out: Alignment[] = [];
  for (const peak of peaks) {
    const centre = ((peak + 0.5) / ROTATION_BINS) * 2 * Math.PI;
    let nTouched = 0;
    for (let k = 0; k < found; k++) {
      const rot = linkRot[k];
      if (angleGap(rot, centre) > (1.5 * 2 * Math.PI) / ROTATION_BINS) continue;
      const e = linkA[k];
      const f = linkB[k];
      const c = Math.cos(rot);
      const s = Math.sin(rot);
      // Both ends of the link vote: each is a correspondence under this rotation.
      for (let end = 0; end < 2; end++) {
        const i = end === 0 ? ta.from[e] : ta.to[e];
        const j = end === 0 ? tb.from[f] : tb.to[f];
        const tx = tb.x[j] - (c * ta.x[i] - s * ta.y[i]);
        const ty = tb.y[j] - (s * ta.x[i] + c * ta.y[i]);
        const gx = Math.round(tx / cell) + half;
        const gy = Math.round(ty / cell) + half;
        if (gx < 1 || gy < 1 || gx >= GRID - 1 || gy >= GRID - 1) continue;
        const g = gy * GRID + gx;
        if (cellCount[g] === 0) touched[nTouched++] = g;
        cellCount[g]++;
        cellX[g] += tx;
        cellY[g] += ty;
        cellC[g] += c;
        cellS[g] += s;
      }
    }
    let bestCell = -1;
    let bestVotes = 0;
    for (let t = 0; t < nTouched; t++) {
      const g = touched[t];
      const votes =
        cellCount[g] +
        0.5 *
          (cellCount[g - 1] +
            cellCount[g + 1] +
            cellCount[g - GRID] +
            cellCount[g + GRID] +
            cellCount[g - GRID - 1] +
            cellCount[g - GRID + 1] +
            cellCount[g + GRID - 1] +
            cellCount[g + GRID + 1]);
      if (votes > bestVotes) {
        bestVotes = votes;
        bestCell = g;
      }
    }
    if (bestCell >= 0) {
      let n = 0;
      let sx = 0;
      let sy = 0;
      let sc = 0;
      let ss = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const g = bestCell + dy * GRID + dx;
          n += cellCount[g];
          sx += cellX[g];
          sy += cellY[g];
          sc += cellC[g];
          ss += cellS[g];
        }
      }
      out.push({ rotation: Math.atan2(ss, sc), dx: sx / n, dy: sy / n });
    }
    for (let t = 0; t < nTouched; t++) {
      const g = touched[t];
      cellCount[g] = cellX[g] = cellY[g] = cellC[g] = cellS[g] = 0;
    }
  }
  return out;
}

/**
 * Minutia pairs vouched for by at least one link pair that agrees with the rotation, as a flat list
 * [i, j, i, j, ...]: a pair with no neighbour in the same relation on both sides is a coincidence of
 * position, and impostor scores are made of those.
 */
function supportedPairs(ta: PairTable, tb: PairTable, found: number, rotation: number): Int32Array {
  const nb = tb.x.length;
  const seen = new Uint8Array(ta.x.length * nb);
  const list: number[] = [];
  for (let k = 0; k < found; k++) {
    if (angleGap(linkRot[k], rotation) > LINK_ANGLE_TOLERANCE) continue;
    const e = linkA[k];
    const f = linkB[k];
    for (let end = 0; end < 2; end++) {
      const i = end === 0 ? ta.from[e] : ta.to[e];
      const j = end === 0 ? tb.from[f] : tb.to[f];
      if (seen[i * nb + j]) continue;
      seen[i * nb + j] = 1;
      list.push(i, j);
    }
  }
  return Int32Array.from(list);
}

/** One-to-one pairing under an alignment, nearest first, with the score that pairing earns. */
function pairUnder(ta: PairTable, tb: PairTable, al: Alignment, radius: number, support: Int32Array): MatchResult {
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
  const r2 = radius * radius;
  const dist: number[] = [];
  const which: number[] = [];
  for (let k = 0; k < support.length; k += 2) {
    const i = support[k];
    const j = support[k + 1];
    const ddx = ax[i] - tb.x[j];
    const ddy = ay[i] - tb.y[j];
    const d = ddx * ddx + ddy * ddy;
    if (d > r2) continue;
    if (angleGap(ta.angle[i] + al.rotation, tb.angle[j]) > PAIR_ANGLE_TOLERANCE) continue;
    dist.push(d);
    which.push(k);
  }
  const order = which.map((_, k) => k).sort((p, q) => dist[p] - dist[q]);
  const takenA = new Uint8Array(na);
  const takenB = new Uint8Array(nb);
  const pairs: [number, number][] = [];
  for (const o of order) {
    const i = support[which[o]];
    const j = support[which[o] + 1];
    if (takenA[i] || takenB[j]) continue;
    takenA[i] = 1;
    takenB[j] = 1;
    pairs.push([i, j]);
  }
  // The common area: each side's minutiae that fall inside the other's minutiae bounding box.
  const margin = radius / 2;
  const boxB = bounds(tb.x, tb.y);
  const boxA = bounds(ax, ay);
  let inA = 0;
  for (let i = 0; i < na; i++) if (inside(boxB, ax[i], ay[i], margin)) inA++;
  let inB = 0;
  for (let j = 0; j < nb; j++) if (inside(boxA, tb.x[j], tb.y[j], margin)) inB++;
  const n = pairs.length;
  // Fewer than half the smaller template in the common area means an alignment that pushed one print
  // mostly off the other: a real comparison of two impressions shares more than that.
  const floor = Math.max(12, 0.5 * Math.min(na, nb));
  const score = n < 3 ? 0 : (100 * n * n) / (Math.max(inA, n, floor) * Math.max(inB, n, floor));
  return { score: Math.round(score * 10) / 10, pairs, rotation: al.rotation, dx: al.dx, dy: al.dy };
}

function bounds(x: Float32Array, y: Float32Array): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < x.length; k++) {
    if (x[k] < minX) minX = x[k];
    if (x[k] > maxX) maxX = x[k];
    if (y[k] < minY) minY = y[k];
    if (y[k] > maxY) maxY = y[k];
  }
  return [minX, minY, maxX, maxY];
}

function inside(box: [number, number, number, number], x: number, y: number, margin: number): boolean {
  return x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin;
}

/** Least-squares rigid alignment (rotation + translation) of the paired minutiae. */
function refine(ta: PairTable, tb: PairTable, pairs: [number, number][]): Alignment {
  let max = 0;
  let may = 0;
  let mbx = 0;
  let mby = 0;
  for (const [i, j] of pairs) {
    max += ta.x[i];
    may += ta.y[i];
    mbx += tb.x[j];
    mby += tb.y[j];
  }
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
