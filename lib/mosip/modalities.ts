// Matched-modality entries in candidate analytics.
//
// MOSIP stores analytics verbatim (reg_manual_verification.res_text) and reads nothing from them,
// so there is no schema; we copy the style of the only sample MOSIP publishes (documentation,
// "Scenario: There are matches", fixture ma-response-doc-match.json):
//   "Face": "F",
//   "Finger": "Right_Thumb,Right_Index,Right_Middle,Right_Ring,Right_Little,Left_Thumb,...",
//   "Iris": "Right_Iris,Left_Iris"
// i.e. "<Side>_<Finger>" without the "Finger" suffix CBEFF uses, comma-separated without spaces,
// right hand before left, thumb to little; irises right before left; face as the literal "F".
// A key is omitted when nothing of that modality matched (the sample never shows an empty value).

export const FINGER_NAMES = [
  "Right_Thumb",
  "Right_Index",
  "Right_Middle",
  "Right_Ring",
  "Right_Little",
  "Left_Thumb",
  "Left_Index",
  "Left_Middle",
  "Left_Ring",
  "Left_Little",
] as const;
export type FingerName = (typeof FINGER_NAMES)[number];

export const IRIS_NAMES = ["Right_Iris", "Left_Iris"] as const;
export type IrisName = (typeof IRIS_NAMES)[number];

export interface MatchedModalities {
  face?: boolean;
  fingers?: readonly FingerName[];
  irises?: readonly IrisName[];
}

export interface ModalityAnalytics {
  Face?: "F";
  Finger?: string;
  Iris?: string;
}

/** Canonical order, duplicates removed. Throws on a name outside the lists (untyped callers). */
export function formatMatchedModalities(m: MatchedModalities): ModalityAnalytics {
  const out: ModalityAnalytics = {};
  if (m.face) out.Face = "F";
  const fingers = ordered(m.fingers ?? [], FINGER_NAMES, "finger");
  if (fingers) out.Finger = fingers;
  const irises = ordered(m.irises ?? [], IRIS_NAMES, "iris");
  if (irises) out.Iris = irises;
  return out;
}

function ordered(names: readonly string[], canon: readonly string[], what: string): string | undefined {
  for (const n of names) {
    if (!canon.includes(n)) throw new RangeError(`unknown ${what} name "${n}"; expected one of ${canon.join(", ")}`);
  }
  const picked = canon.filter((c) => names.includes(c));
  return picked.length ? picked.join(",") : undefined;
}

const CBEFF_FINGER: Record<string, string> = {
  thumb: "Thumb",
  indexfinger: "Index",
  middlefinger: "Middle",
  ringfinger: "Ring",
  littlefinger: "Little",
};

/** CBEFF BDBInfo Subtype ("Left IndexFinger", "Right Thumb") -> "Left_Index" / "Right_Thumb". */
export function fingerFromCbeffSubtype(subtype: string): FingerName | null {
  const [side, finger, ...rest] = subtype.trim().split(/\s+/);
  if (rest.length || !side || !finger) return null;
  const s = side.toLowerCase() === "left" ? "Left" : side.toLowerCase() === "right" ? "Right" : null;
  const f = CBEFF_FINGER[finger.toLowerCase()];
  return s && f ? (`${s}_${f}` as FingerName) : null;
}

/** CBEFF iris Subtype ("Left" / "Right") -> "Left_Iris" / "Right_Iris". */
export function irisFromCbeffSubtype(subtype: string): IrisName | null {
  const s = subtype.trim().toLowerCase();
  return s === "left" ? "Left_Iris" : s === "right" ? "Right_Iris" : null;
}

/** ISO/IEC 19794-4 finger position code (1 right thumb ... 10 left little) -> name. */
export function fingerFromIsoPosition(position: number): FingerName | null {
  return Number.isInteger(position) && position >= 1 && position <= 10 ? FINGER_NAMES[position - 1] : null;
}
