"use client";
import { useEffect, useState } from "react";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import type { DraftAction } from "@/lib/cases/decision-draft";

export interface WorkbenchKeyHandlers {
  dispatch: (a: DraftAction) => void;
  review: () => void;
  focusComment: () => void;
  toggleHelp: () => void;
  /** Opens the full identity data (the demographics table) over the comparison sheet. */
  openIdentity: () => void;
  enabled: boolean;
}

// Digit keys follow the ISO finger position numbering (1 = right thumb … 0 = left little), which is also the order of the grid.
const DIGIT_FINGER: Record<string, (typeof FINGER_POSITIONS)[number]> = Object.fromEntries(
  FINGER_POSITIONS.map((f, i) => [`Digit${(i + 1) % 10}`, f]),
);

/** In the enlarged compare view of a finger (compare-viewer.tsx): the comparison aid's minutiae overlay on or off. */
export const MINUTIAE_KEY = "m";

/** Each key with what it does: a message of the "shortcuts" namespace. */
export const SHORTCUTS: [
  string,
  (
    | "next"
    | "previous"
    | "duplicate"
    | "notDuplicate"
    | "face"
    | "fingers"
    | "irises"
    | "verification"
    | "comment"
    | "review"
    | "minutiae"
    | "identity"
    | "help"
  ),
][] = [
  ["J / →", "next"],
  ["K / ←", "previous"],
  ["D", "duplicate"],
  ["N", "notDuplicate"],
  ["F", "face"],
  ["1 … 0", "fingers"],
  ["L / R", "irises"],
  ["A / X", "verification"],
  ["C", "comment"],
  ["Enter", "review"],
  [MINUTIAE_KEY.toUpperCase(), "minutiae"],
  ["I", "identity"],
  ["?", "help"],
];

/**
 * Every decision step has a key. Keys are ignored while typing in a field (not on a checkbox) or when a dialog is open, and Enter is left
 * to a focused button or link, so that a keyboard user who tabbed to a control can use it.
 */
export function useWorkbenchKeys(h: WorkbenchKeyHandlers): boolean {
  // The page arrives rendered by the server (open-case-page.ts), so it is on screen before its keys work: a key pressed
  // before hydration does nothing. The workbench says when it is interactive (data-interactive), and tests wait for that.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!h.enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Typing is left alone; a focused checkbox (a finger just ticked with Space) is not typing, so the keys go on working.
      const checkbox = t instanceof HTMLInputElement && t.type === "checkbox";
      if (t && !checkbox && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      // Enter on a focused button or link is that control's own action (open the compare view, choose a candidate).
      if (e.key === "Enter" && t?.closest("button, a[href], summary")) return;
      const finger = DIGIT_FINGER[e.code];
      const act = (a: DraftAction) => {
        e.preventDefault();
        h.dispatch(a);
      };
      if (finger) return act({ type: "toggleFinger", finger });
      switch (e.key) {
        case "j":
        case "ArrowRight":
          return act({ type: "next" });
        case "k":
        case "ArrowLeft":
          return act({ type: "previous" });
        case "d":
          return act({ type: "verdict", duplicate: true });
        case "n":
          return act({ type: "verdict", duplicate: false });
        case "f":
          return act({ type: "toggleFace" });
        case "l":
          return act({ type: "toggleIris", eye: "LEFT" });
        case "r":
          return act({ type: "toggleIris", eye: "RIGHT" });
        case "a":
          return act({ type: "approve", approve: true });
        case "x":
          return act({ type: "approve", approve: false });
        case "c":
          e.preventDefault();
          return h.focusComment();
        case "Enter":
          e.preventDefault();
          return h.review();
        case "i":
          e.preventDefault();
          return h.openIdentity();
        case "?":
          e.preventDefault();
          return h.toggleHelp();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [h]);
  return hydrated;
}
