/**
 * Geometry of the WSQ wavelet packet decomposition (IAFIS-IC-0110 annex A): which rectangles are
 * split, in which order, and where each of the 64 subbands ends up in the coefficient plane.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * One 2-D analysis step. After a highpass filter plus decimation a band's spectrum is mirrored,
 * so when such a band is split again the spec stores the highpass half first (left/top) to keep
 * frequencies increasing outward; invX/invY record that for each direction.
 */
export interface Split {
  readonly rect: Rect;
  readonly invX: boolean;
  readonly invY: boolean;
}

export interface Layout {
  /** Parent before child; the inverse transform runs them in reverse. */
  readonly splits: readonly Split[];
  /** Subband rectangles indexed by subband number 0..63. */
  readonly subbands: readonly Rect[];
}

/** Subband ranges carried by the three entropy-coded blocks; 60..63 are never transmitted. */
export const BLOCK_SUBBANDS: readonly (readonly [number, number])[] = [
  [0, 19],
  [19, 52],
  [52, 60],
];

interface Node {
  readonly rect: Rect;
  readonly invX: boolean;
  readonly invY: boolean;
}

/**
 * Children of a split in spatial order TL, TR, BL, BR. The lowpass half of an odd length gets the
 * extra sample (it sits on the even positions); an inverted direction puts the highpass half first.
 * A child's spectrum is mirrored iff it went through an odd number of highpass filters, which
 * (given the inverted placement) always makes the right/bottom child the mirrored one.
 */
function quarter(n: Node): Node[] {
  const { x, y, w, h } = n.rect;
  const lowW = (w + 1) >> 1;
  const lowH = (h + 1) >> 1;
  const leftW = n.invX ? w - lowW : lowW;
  const topH = n.invY ? h - lowH : lowH;
  const rightW = w - leftW;
  const bottomH = h - topH;
  return [
    { rect: { x, y, w: leftW, h: topH }, invX: false, invY: false },
    { rect: { x: x + leftW, y, w: rightW, h: topH }, invX: true, invY: false },
    { rect: { x, y: y + topH, w: leftW, h: bottomH }, invX: false, invY: true },
    { rect: { x: x + leftW, y: y + topH, w: rightW, h: bottomH }, invX: true, invY: true },
  ];
}

export function buildLayout(width: number, height: number): Layout {
  const splits: Split[] = [];
  const subbands: Rect[] = new Array(64);
  const split = (n: Node): Node[] => {
    splits.push(n);
    return quarter(n);
  };
  /** A region split twice: 16 subbands numbered quadrant by quadrant, raster order inside each. */
  const split16 = (n: Node, first: number): void => {
    split(n).forEach((child, i) => {
      split(child).forEach((band, j) => {
        subbands[first + 4 * i + j] = band.rect;
      });
    });
  };

  const root: Node = { rect: { x: 0, y: 0, w: width, h: height }, invX: false, invY: false };
  const [ll, hl, lh, hh] = split(root);
  const [ll2, ll2hl, ll2lh, ll2hh] = split(ll);

  // Lowest-frequency corner: like split16, but its first band is split once more into 0..3.
  const [c0, c1, c2, c3] = split(ll2);
  const [d0, d1, d2, d3] = split(c0);
  split(d0).forEach((band, j) => {
    subbands[j] = band.rect;
  });
  subbands[4] = d1.rect;
  subbands[5] = d2.rect;
  subbands[6] = d3.rect;
  [c1, c2, c3].forEach((c, i) => {
    split(c).forEach((band, j) => {
      subbands[7 + 4 * i + j] = band.rect;
    });
  });

  split16(ll2hl, 19);
  split16(ll2lh, 35);
  subbands[51] = ll2hh.rect;
  split(hl).forEach((band, j) => {
    subbands[52 + j] = band.rect;
  });
  split(lh).forEach((band, j) => {
    subbands[56 + j] = band.rect;
  });
  // 60..63 (the diagonal detail of the finest level) are discarded by every encoder; they are
  // listed so the quantiser table indices line up, and their split is never inverted because
  // they are always zero.
  quarter(hh).forEach((band, j) => {
    subbands[60 + j] = band.rect;
  });
  return { splits, subbands };
}
