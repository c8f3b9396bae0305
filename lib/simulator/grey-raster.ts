// 8-bit single-channel pixel buffers for the procedural biometric images, plus the few sampling
// helpers the generators share. Kept free of sharp so generation stays pure and testable.

export interface GreyRaster {
  width: number;
  height: number;
  /** Row-major, one byte per pixel, 0 = black. */
  data: Uint8Array;
}

/** Bilinear sample of a float field; coordinates outside are clamped to the edge. */
export function sampleBilinear(field: Float32Array, width: number, height: number, x: number, y: number): number {
  const cx = Math.min(Math.max(x, 0), width - 1.001);
  const cy = Math.min(Math.max(y, 0), height - 1.001);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * width + x0;
  const a = field[i];
  const b = field[i + 1];
  const c = field[i + width];
  const d = field[i + width + 1];
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/** Smooth value noise in [-1, 1]: a coarse random grid, bilinearly interpolated with smoothstep. */
export function valueNoise(width: number, height: number, cell: number, random: () => number): Float32Array {
  const gw = Math.ceil(width / cell) + 2;
  const gh = Math.ceil(height / cell) + 2;
  const grid = new Float32Array(gw * gh);
  for (let i = 0; i < grid.length; i++) grid[i] = random() * 2 - 1;
  const out = new Float32Array(width * height);
  // The horizontal cell and weight of a column are the same on every row: computed once.
  const columnCell = new Int32Array(width);
  const columnWeight = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const gx = x / cell;
    columnCell[x] = Math.floor(gx);
    columnWeight[x] = smooth(gx - columnCell[x]);
  }
  for (let y = 0; y < height; y++) {
    const gy = y / cell;
    const y0 = Math.floor(gy);
    const ty = smooth(gy - y0);
    for (let x = 0; x < width; x++) {
      const x0 = columnCell[x];
      const tx = columnWeight[x];
      const i = y0 * gw + x0;
      const top = grid[i] + (grid[i + 1] - grid[i]) * tx;
      const bottom = grid[i + gw] + (grid[i + gw + 1] - grid[i + gw]) * tx;
      out[y * width + x] = top + (bottom - top) * ty;
    }
  }
  return out;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

export function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}
