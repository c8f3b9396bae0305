// Test support: a grey image turned by `angle` radians about its centre and shifted by (dx, dy), bilinear,
// with white where the source has no pixels - a second "placement" of the same capture.
import type { GreyImage } from "../types";

export function warpImage(src: GreyImage, angle: number, dx: number, dy: number): GreyImage {
  const { width, height, data } = src;
  const out = new Uint8Array(width * height).fill(255);
  const cx = width / 2;
  const cy = height / 2;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Output point -> source point: undo the shift, then the rotation.
      const ux = x - dx - cx;
      const uy = y - dy - cy;
      const sx = c * ux + s * uy + cx;
      const sy = -s * ux + c * uy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const v = (data[i] * (1 - fx) + data[i + 1] * fx) * (1 - fy) + (data[i + width] * (1 - fx) + data[i + width + 1] * fx) * fy;
      out[y * width + x] = Math.round(v);
    }
  }
  return { width, height, data: out };
}

/** Where a source point lands under warpImage's transform. */
export function warpPoint(src: GreyImage, angle: number, dx: number, dy: number, x: number, y: number): [number, number] {
  const cx = src.width / 2;
  const cy = src.height / 2;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c * (x - cx) - s * (y - cy) + cx + dx, s * (x - cx) + c * (y - cy) + cy + dy];
}
