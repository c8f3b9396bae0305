// The pair table of a template (after Bozorth, NIST NBIS): every minutia linked to its nearest neighbours,
// each link described by what a rotation and a translation leave unchanged - its length and the angle of
// each end's minutia relative to the link - so that two prints can be compared before they are aligned.
import type { FingerTemplate } from "./types";

const NEIGHBOURS = 7;
/** Links are bucketed by their first end's relative angle, so a lookup skips most of the table. */
export const ANGLE_BUCKETS = 12;

export interface PairTable {
  count: number;
  x: Float32Array;
  y: Float32Array;
  angle: Float32Array;
  /** Links sorted by length; each is directed (from -> to). */
  from: Uint16Array;
  to: Uint16Array;
  length: Float32Array;
  /** Direction of the link in the image. */
  direction: Float32Array;
  /** Each end's minutia angle minus the link direction, in [0, 2pi). */
  fromAngle: Float32Array;
  toAngle: Float32Array;
  /** Link indices grouped by fromAngle bucket, each group sorted by length: bucketStart[b]..bucketStart[b+1]. */
  bucketStart: Int32Array;
  bucketLinks: Int32Array;
}

const cache = new WeakMap<FingerTemplate, PairTable>();

/** Built once per template and kept with it (templates are compared many times in a case). */
export function pairTable(template: FingerTemplate): PairTable {
  const hit = cache.get(template);
  if (hit) return hit;
  const ms = template.minutiae;
  const n = ms.length;
  const scale = template.ppi / 500;
  const minLength = 6 * scale;
  const maxLength = 170 * scale;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const angle = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = ms[i].x;
    y[i] = ms[i].y;
    angle[i] = ms[i].angle;
  }
  const links: number[] = [];
  const d2 = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      d2[j] = (x[j] - x[i]) ** 2 + (y[j] - y[i]) ** 2;
      order[j] = j;
    }
    const sorted = Array.from(order).sort((a, b) => d2[a] - d2[b]);
    let taken = 0;
    for (const j of sorted) {
      if (taken >= NEIGHBOURS) break;
      const d = Math.sqrt(d2[j]);
      if (j === i || d < minLength || d > maxLength) continue;
      links.push(i, j);
      taken++;
    }
  }
  const m = links.length / 2;
  const lengths = new Float32Array(m);
  for (let k = 0; k < m; k++) lengths[k] = Math.hypot(x[links[2 * k + 1]] - x[links[2 * k]], y[links[2 * k + 1]] - y[links[2 * k]]);
  const idx = Array.from({ length: m }, (_, k) => k).sort((a, b) => lengths[a] - lengths[b]);
  const table: PairTable = {
    count: m,
    x,
    y,
    angle,
    from: new Uint16Array(m),
    to: new Uint16Array(m),
    length: new Float32Array(m),
    direction: new Float32Array(m),
    fromAngle: new Float32Array(m),
    toAngle: new Float32Array(m),
    bucketStart: new Int32Array(ANGLE_BUCKETS + 1),
    bucketLinks: new Int32Array(m),
  };
  for (let r = 0; r < m; r++) {
    const k = idx[r];
    const i = links[2 * k];
    const j = links[2 * k + 1];
    const dir = Math.atan2(y[j] - y[i], x[j] - x[i]);
    table.from[r] = i;
    table.to[r] = j;
    table.length[r] = lengths[k];
    table.direction[r] = dir;
    table.fromAngle[r] = wrap2Pi(angle[i] - dir);
    table.toAngle[r] = wrap2Pi(angle[j] - dir);
  }
  // Counting sort by bucket keeps each bucket's links in length order.
  const bucketOf = (r: number) => Math.min(ANGLE_BUCKETS - 1, Math.floor((table.fromAngle[r] / (2 * Math.PI)) * ANGLE_BUCKETS));
  for (let r = 0; r < m; r++) table.bucketStart[bucketOf(r) + 1]++;
  for (let b = 0; b < ANGLE_BUCKETS; b++) table.bucketStart[b + 1] += table.bucketStart[b];
  const fill = table.bucketStart.slice(0, ANGLE_BUCKETS);
  for (let r = 0; r < m; r++) table.bucketLinks[fill[bucketOf(r)]++] = r;
  cache.set(template, table);
  return table;
}

export function wrap2Pi(a: number): number {
  const v = a % (2 * Math.PI);
  return v < 0 ? v + 2 * Math.PI : v;
}

/** Smallest absolute difference of two angles, in [0, pi]. */
export function angleGap(a: number, b: number): number {
  let d = Math.abs(a - b);
  if (d >= 2 * Math.PI) d %= 2 * Math.PI;
  return d > Math.PI ? 2 * Math.PI - d : d;
}
