// Foreground segmentation at block level: a block is print when its grey variance is a fair share of the
// image's strong blocks and its orientation is coherent; then the largest connected region is kept, its
// holes filled (a crease or a pale patch inside the print is still print), and the border eroded away.
import type { BlockField } from "./orientation-field";

export interface BlockMask {
  /** 1 = foreground block. */
  foreground: Uint8Array;
  /** Foreground blocks whose 8 neighbours are all foreground: where minutiae are trusted. */
  interior: Uint8Array;
  /** Block distance to the nearest background block (0 outside). */
  depth: Uint8Array;
}

export function segmentBlocks(field: BlockField): BlockMask {
  const { cols, rows, variance, coherence } = field;
  const n = cols * rows;
  const sorted = Float32Array.from(variance).sort();
  const strong = sorted[Math.floor(n * 0.9)] || 0;
  const threshold = Math.max(60, strong * 0.12);
  let mask: Uint8Array = new Uint8Array(n);
  for (let b = 0; b < n; b++) mask[b] = variance[b] > threshold && coherence[b] > 0.12 ? 1 : 0;
  mask = largestComponent(mask, cols, rows);
  fillHoles(mask, cols, rows);
  const depth = distanceInBlocks(mask, cols, rows);
  const interior = new Uint8Array(n);
  for (let b = 0; b < n; b++) interior[b] = depth[b] >= 2 ? 1 : 0;
  return { foreground: mask, interior, depth };
}

function largestComponent(mask: Uint8Array, cols: number, rows: number): Uint8Array {
  const label = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  let best = 0;
  let bestSize = 0;
  let next = 0;
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || label[s]) continue;
    next++;
    let top = 0;
    let size = 0;
    stack[top++] = s;
    label[s] = next;
    while (top > 0) {
      const b = stack[--top];
      size++;
      const x = b % cols;
      const y = (b / cols) | 0;
      if (x > 0 && mask[b - 1] && !label[b - 1]) {
        label[b - 1] = next;
        stack[top++] = b - 1;
      }
      if (x < cols - 1 && mask[b + 1] && !label[b + 1]) {
        label[b + 1] = next;
        stack[top++] = b + 1;
      }
      if (y > 0 && mask[b - cols] && !label[b - cols]) {
        label[b - cols] = next;
        stack[top++] = b - cols;
      }
      if (y < rows - 1 && mask[b + cols] && !label[b + cols]) {
        label[b + cols] = next;
        stack[top++] = b + cols;
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = next;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let b = 0; b < mask.length; b++) out[b] = label[b] === best && best > 0 ? 1 : 0;
  return out;
}

/** Background not reachable from the image border is a hole: make it foreground. */
function fillHoles(mask: Uint8Array, cols: number, rows: number): void {
  const outside = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let top = 0;
  const seed = (b: number) => {
    if (!mask[b] && !outside[b]) {
      outside[b] = 1;
      stack[top++] = b;
    }
  };
  for (let x = 0; x < cols; x++) {
    seed(x);
    seed((rows - 1) * cols + x);
  }
  for (let y = 0; y < rows; y++) {
    seed(y * cols);
    seed(y * cols + cols - 1);
  }
  while (top > 0) {
    const b = stack[--top];
    const x = b % cols;
    const y = (b / cols) | 0;
    if (x > 0) seed(b - 1);
    if (x < cols - 1) seed(b + 1);
    if (y > 0) seed(b - cols);
    if (y < rows - 1) seed(b + cols);
  }
  for (let b = 0; b < mask.length; b++) if (!outside[b]) mask[b] = 1;
}

/** Chessboard distance to background, with the image edge counting as background. */
function distanceInBlocks(mask: Uint8Array, cols: number, rows: number): Uint8Array {
  const d = new Uint8Array(mask.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const b = y * cols + x;
      if (!mask[b]) continue;
      let v = Math.min(x, y, cols - 1 - x, rows - 1 - y) + 1;
      if (x > 0) v = Math.min(v, d[b - 1] + 1);
      if (y > 0) {
        v = Math.min(v, d[b - cols] + 1);
        if (x > 0) v = Math.min(v, d[b - cols - 1] + 1);
        if (x < cols - 1) v = Math.min(v, d[b - cols + 1] + 1);
      }
      d[b] = Math.min(255, v);
    }
  }
  for (let y = rows - 1; y >= 0; y--) {
    for (let x = cols - 1; x >= 0; x--) {
      const b = y * cols + x;
      if (!mask[b]) continue;
      let v = d[b];
      if (x < cols - 1) v = Math.min(v, d[b + 1] + 1);
      if (y < rows - 1) {
        v = Math.min(v, d[b + cols] + 1);
        if (x < cols - 1) v = Math.min(v, d[b + cols + 1] + 1);
        if (x > 0) v = Math.min(v, d[b + cols - 1] + 1);
      }
      d[b] = v;
    }
  }
  return d;
}
