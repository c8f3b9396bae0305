// Block orientation field from squared gradients (Kass & Witkin; Hong, Wan & Jain 1998): per block the
// sums Gxx, Gyy, Gxy of Sobel gradients give the dominant gradient direction in doubled-angle form,
// which averages correctly across the 0/pi wrap; a Gaussian over neighbouring blocks smooths it.
// Coherence (0..1) says how strongly one direction dominates, and doubles as a quality measure.

export interface BlockField {
  block: number;
  /** Blocks across and down. */
  cols: number;
  rows: number;
  /** Ridge direction as (cos 2t, sin 2t) per block, t in image coordinates (y down). */
  cos2: Float32Array;
  sin2: Float32Array;
  coherence: Float32Array;
  /** Grey mean and variance per block, for segmentation. */
  mean: Float32Array;
  variance: Float32Array;
}

export function blockOrientationField(pixels: Float32Array, width: number, height: number, block: number): BlockField {
  const cols = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const n = cols * rows;
  const gxx = new Float32Array(n);
  const gyy = new Float32Array(n);
  const gxy = new Float32Array(n);
  const sum = new Float32Array(n);
  const sumSq = new Float32Array(n);
  const count = new Float32Array(n);
  for (let y = 0; y < height; y++) {
    const brow = ((y / block) | 0) * cols;
    const row = y * width;
    const up = y > 0 ? row - width : row;
    const down = y < height - 1 ? row + width : row;
    for (let x = 0; x < width; x++) {
      const l = x > 0 ? x - 1 : x;
      const r = x < width - 1 ? x + 1 : x;
      const gx = pixels[up + r] + 2 * pixels[row + r] + pixels[down + r] - pixels[up + l] - 2 * pixels[row + l] - pixels[down + l];
      const gy = pixels[down + l] + 2 * pixels[down + x] + pixels[down + r] - pixels[up + l] - 2 * pixels[up + x] - pixels[up + r];
      const b = brow + ((x / block) | 0);
      gxx[b] += gx * gx;
      gyy[b] += gy * gy;
      gxy[b] += gx * gy;
      const v = pixels[row + x];
      sum[b] += v;
      sumSq[b] += v * v;
      count[b]++;
    }
  }
  const vx = new Float32Array(n);
  const vy = new Float32Array(n);
  const energy = new Float32Array(n);
  const mean = new Float32Array(n);
  const variance = new Float32Array(n);
  for (let b = 0; b < n; b++) {
    vx[b] = gxx[b] - gyy[b];
    vy[b] = 2 * gxy[b];
    energy[b] = gxx[b] + gyy[b];
    mean[b] = sum[b] / count[b];
    variance[b] = Math.max(0, sumSq[b] / count[b] - mean[b] * mean[b]);
  }
  // 3x3 Gaussian over blocks on the doubled-angle vectors.
  const weights = [1, 2, 1];
  const cos2 = new Float32Array(n);
  const sin2 = new Float32Array(n);
  const coherence = new Float32Array(n);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      let sx = 0;
      let sy = 0;
      let se = 0;
      for (let j = -1; j <= 1; j++) {
        const yy = by + j;
        if (yy < 0 || yy >= rows) continue;
        for (let i = -1; i <= 1; i++) {
          const xx = bx + i;
          if (xx < 0 || xx >= cols) continue;
          const w = weights[j + 1] * weights[i + 1];
          const b = yy * cols + xx;
          sx += w * vx[b];
          sy += w * vy[b];
          se += w * energy[b];
        }
      }
      const b = by * cols + bx;
      const len = Math.hypot(sx, sy);
      // The gradient's doubled angle is (sx, sy)/len; the ridge runs perpendicular: add pi, i.e. negate.
      cos2[b] = len > 0 ? -sx / len : 1;
      sin2[b] = len > 0 ? -sy / len : 0;
      coherence[b] = se > 0 ? len / se : 0;
    }
  }
  return { block, cols, rows, cos2, sin2, coherence, mean, variance };
}

/** Ridge direction (radians in [0, pi)) of a block. */
export function blockAngle(field: BlockField, b: number): number {
  const t = Math.atan2(field.sin2[b], field.cos2[b]) / 2;
  return t < 0 ? t + Math.PI : t;
}
