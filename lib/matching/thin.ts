// Skeleton of the binary ridge map, one pixel wide, by the two-subiteration parallel thinning of Zhang &
// Suen (1984). Only pixels still on a ridge are revisited, so later passes touch a shrinking list.

/** Thins `ridges` (1 = ridge) in place. The outermost rows and columns are cleared first. */
export function thinRidges(ridges: Uint8Array, width: number, height: number): void {
  for (let x = 0; x < width; x++) {
    ridges[x] = 0;
    ridges[(height - 1) * width + x] = 0;
  }
  for (let y = 0; y < height; y++) {
    ridges[y * width] = 0;
    ridges[y * width + width - 1] = 0;
  }
  let list = new Int32Array(width * height);
  let n = 0;
  for (let i = 0; i < ridges.length; i++) if (ridges[i]) list[n++] = i;
  const doomed = new Int32Array(n);
  const w = width;
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      let d = 0;
      for (let k = 0; k < n; k++) {
        const i = list[k];
        const p2 = ridges[i - w];
        const p3 = ridges[i - w + 1];
        const p4 = ridges[i + 1];
        const p5 = ridges[i + w + 1];
        const p6 = ridges[i + w];
        const p7 = ridges[i + w - 1];
        const p8 = ridges[i - 1];
        const p9 = ridges[i - w - 1];
        const b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
        if (b < 2 || b > 6) continue;
        const a =
          (p2 === 0 && p3 === 1 ? 1 : 0) +
          (p3 === 0 && p4 === 1 ? 1 : 0) +
          (p4 === 0 && p5 === 1 ? 1 : 0) +
          (p5 === 0 && p6 === 1 ? 1 : 0) +
          (p6 === 0 && p7 === 1 ? 1 : 0) +
          (p7 === 0 && p8 === 1 ? 1 : 0) +
          (p8 === 0 && p9 === 1 ? 1 : 0) +
          (p9 === 0 && p2 === 1 ? 1 : 0);
        if (a !== 1) continue;
        if (pass === 0 ? p2 * p4 * p6 === 0 && p4 * p6 * p8 === 0 : p2 * p4 * p8 === 0 && p2 * p6 * p8 === 0) {
          doomed[d++] = i;
        }
      }
      if (d > 0) {
        changed = true;
        for (let k = 0; k < d; k++) ridges[doomed[k]] = 0;
      }
    }
    if (changed) {
      let m = 0;
      for (let k = 0; k < n; k++) if (ridges[list[k]]) list[m++] = list[k];
      n = m;
    }
  }
  list = new Int32Array(0);
  // Staircase corners: a pixel whose removal keeps its two 4-neighbours connected diagonally is redundant,
  // and would otherwise read as a three-way junction to the tracer.
  for (let i = w + 1; i < ridges.length - w - 1; i++) {
    if (!ridges[i]) continue;
    const n2 = ridges[i - w];
    const n4 = ridges[i + 1];
    const n6 = ridges[i + w];
    const n8 = ridges[i - 1];
    const corner =
      (n2 && n4 && !ridges[i - w + 1] && !n6 && !n8 && !ridges[i + w - 1]) ||
      (n4 && n6 && !ridges[i + w + 1] && !n2 && !n8 && !ridges[i - w - 1]) ||
      (n6 && n8 && !ridges[i + w - 1] && !n2 && !n4 && !ridges[i - w + 1]) ||
      (n8 && n2 && !ridges[i - w - 1] && !n4 && !n6 && !ridges[i + w + 1]);
    if (corner) ridges[i] = 0;
  }
}
