// The fingerprint template: what the extractor produces, the matcher compares and the ISO 19794-2
// record carries. Angles are radians in image coordinates (x right, y down), in [0, 2pi).

export type MinutiaType = "ENDING" | "BIFURCATION";

export interface Minutia {
  x: number;
  y: number;
  /** Ending: along the ridge, pointing out of it. Bifurcation: pointing into the fork. */
  angle: number;
  type: MinutiaType;
  /** 1 (poor) .. 100 (excellent): local ridge clarity and distance from the print's edge. */
  quality: number;
}

export interface FingerTemplate {
  width: number;
  height: number;
  /** Pixels per inch, horizontally and vertically. */
  ppi: number;
  minutiae: Minutia[];
}

/** A decoded single-channel greyscale image: row-major, one byte per pixel, 0 = black. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}
