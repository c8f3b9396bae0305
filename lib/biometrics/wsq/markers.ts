/** WSQ marker codes (second byte after 0xFF), IAFIS-IC-0110 table of markers. */
export const SOI = 0xa0;
export const EOI = 0xa1;
export const SOF = 0xa2;
export const SOB = 0xa3;
export const DTT = 0xa4;
export const DQT = 0xa5;
export const DHT = 0xa6;
export const DRT = 0xa7;
export const COM = 0xa8;
export const RST_FIRST = 0xb0;
export const RST_LAST = 0xb7;

const NAMES: Record<number, string> = {
  [SOI]: "SOI",
  [EOI]: "EOI",
  [SOF]: "SOF",
  [SOB]: "SOB",
  [DTT]: "DTT",
  [DQT]: "DQT",
  [DHT]: "DHT",
  [DRT]: "DRT",
  [COM]: "COM",
};

export function isRestartMarker(code: number): boolean {
  return code >= RST_FIRST && code <= RST_LAST;
}

/** Human-readable marker label for error messages, e.g. "SOF (0xFFA2)". */
export function markerName(code: number): string {
  const hex = `0xFF${code.toString(16).toUpperCase().padStart(2, "0")}`;
  if (isRestartMarker(code)) return `RST${code - RST_FIRST} (${hex})`;
  const name = NAMES[code];
  return name ? `${name} (${hex})` : hex;
}
