// Before thinning: pores and blots leave small holes in ridges and small specks in valleys, which thin
// into rings and stubs (false bifurcation pairs and short ridges). Both are flipped: any 4-connected
// region of one value smaller than `maxArea` pixels takes the surrounding value.

export function cleanRidges(ridges: Uint8Array, width: number, height: number, maxArea: number): void {
  const seen = new Uint8Array(ridges.length);
  const stack = new Int32Array(ridges.length);
  const region = new Int32Array(maxArea + 1);
  for (let s = 0; s < ridges.length; s++) {
    if (seen[s]) continue;
    const value = ridges[s];
    let top = 0;
    let size = 0;
    let touchesEdge = false;
    seen[s] = 1;
    stack[top++] = s;
    while (top > 0) {
      const i = stack[--top];
      if (size <= maxArea) region[size] = i;
      size++;
      const x = i % width;
      const y = (i / width) | 0;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) touchesEdge = true;
      if (x > 0 && !seen[i - 1] && ridges[i - 1] === value) {
        seen[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && !seen[i + 1] && ridges[i + 1] === value) {
        seen[i + 1] = 1;
        stack[top++] = i + 1;
      }
      if (y > 0 && !seen[i - width] && ridges[i - width] === value) {
        seen[i - width] = 1;
        stack[top++] = i - width;
      }
      if (y < height - 1 && !seen[i + width] && ridges[i + width] === value) {
        seen[i + width] = 1;
        stack[top++] = i + width;
      }
    }
    if (size <= maxArea && !touchesEdge) for (let k = 0; k < size; k++) ridges[region[k]] = value ? 0 : 1;
  }
}
