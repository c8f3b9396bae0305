"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type WheelEvent } from "react";
import { ModalDialog } from "@/components/modal-dialog";
import { describeBiometric } from "@/lib/biometrics/describe-biometric";
import type { GridSlot } from "@/lib/biometrics/grid";
import { MINUTIAE_KEY } from "./use-workbench-keys";
import { MinutiaeMarks, OverlayBar, PairLines, type PaneBox, pairedOf, useFingerPair } from "./minutiae-overlay";

export interface ComparePane {
  title: string;
  src: string | null;
  /** The capture quality score of this subject's image, for its text alternative. */
  quality: number | null;
}

interface View {
  zoom: number;
  x: number;
  y: number;
}

const START: View = { zoom: 1, x: 0, y: 0 };

/** Each pane's visible box relative to the panes' grid, kept up to date as the window is resized. */
function usePaneBoxes(grid: React.RefObject<HTMLDivElement | null>, panes: React.RefObject<(HTMLDivElement | null)[]>, on: boolean) {
  const [boxes, setBoxes] = useState<PaneBox[]>([]);
  useLayoutEffect(() => {
    if (!on || !grid.current) return;
    const measure = () => {
      const g = grid.current?.getBoundingClientRect();
      if (!g) return;
      setBoxes(
        (panes.current ?? []).map((el) => {
          const r = el?.getBoundingClientRect();
          return r
            ? { left: r.left - g.left, top: r.top - g.top, width: r.width, height: r.height }
            : { left: 0, top: 0, width: 0, height: 0 };
        }),
      );
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(grid.current);
    return () => ro.disconnect();
  }, [grid, panes, on]);
  return boxes;
}

/**
 * Applicant and candidate images enlarged side by side. Zoom and pan are one shared state, so both images
 * move together and the examiner compares the same region; brightness, contrast and invert apply to both.
 * For a finger with a candidate (`minutiaeUrl`), the comparison aid's minutiae can be laid over both images
 * (key M or the button), with lines between the paired ones (minutiae-overlay.tsx).
 */
export function CompareViewer({
  slot,
  panes,
  onClose,
  minutiaeUrl = null,
}: {
  slot: GridSlot;
  panes: ComparePane[];
  onClose: () => void;
  /** The finger pair's overlay (minutiae-overlay.tsx minutiaeUrl); null for a face, an iris or no candidate. */
  minutiaeUrl?: string | null;
}) {
  const t = useTranslations("compare");
  const all = useTranslations();
  const label = all(`labels.slots.${slot}`);
  const [view, setView] = useState<View>(START);
  const [showMinutiae, setShowMinutiae] = useState(false);
  const overlayOn = showMinutiae && minutiaeUrl !== null;
  const pair = useFingerPair(minutiaeUrl, overlayOn);
  const gridRef = useRef<HTMLDivElement>(null);
  const paneRefs = useRef<(HTMLDivElement | null)[]>([]);
  const boxes = usePaneBoxes(gridRef, paneRefs, overlayOn);
  const [brightness, setBrightness] = useState(100);
  const [contrast, setContrast] = useState(100);
  const [invert, setInvert] = useState(false);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const zoomBy = useCallback((f: number) => setView((v) => ({ ...v, zoom: Math.min(12, Math.max(1, v.zoom * f)) })), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A focused slider keeps its arrows; everywhere else they pan the images.
      if (e.target instanceof HTMLInputElement && e.key.startsWith("Arrow")) return;
      if (e.key === "+" || e.key === "=") zoomBy(1.25);
      else if (e.key === "-") zoomBy(0.8);
      else if (e.key === "0") setView(START);
      else if (e.key === "i") setInvert((x) => !x);
      else if (e.key.toLowerCase() === MINUTIAE_KEY && minutiaeUrl !== null) setShowMinutiae((x) => !x);
      else if (e.key.startsWith("Arrow")) {
        const d = 40 / view.zoom;
        setView((v) => ({
          ...v,
          x: v.x + (e.key === "ArrowLeft" ? d : e.key === "ArrowRight" ? -d : 0),
          y: v.y + (e.key === "ArrowUp" ? d : e.key === "ArrowDown" ? -d : 0),
        }));
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [zoomBy, view.zoom, minutiaeUrl]);

  const onWheel = (e: WheelEvent) => zoomBy(e.deltaY < 0 ? 1.15 : 1 / 1.15);
  const onDown = (e: PointerEvent) => {
    drag.current = { x: e.clientX, y: e.clientY };
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    if (!drag.current) return;
    const dx = (e.clientX - drag.current.x) / view.zoom;
    const dy = (e.clientY - drag.current.y) / view.zoom;
    drag.current = { x: e.clientX, y: e.clientY };
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const filter = `brightness(${brightness}%) contrast(${contrast}%)${invert ? " invert(1)" : ""}`;

  return (
    <ModalDialog
      label={t("label", { position: label })}
      onClose={onClose}
      initialFocus={closeRef}
      className="dark-surface m-0 h-full max-h-none w-full max-w-none flex-col bg-slate-900 text-white open:flex"
    >
      <div className="flex flex-wrap items-center gap-4 px-4 py-2 text-sm">
        <h2 className="font-semibold">{label}</h2>
        <button type="button" onClick={() => zoomBy(0.8)} className="rounded bg-slate-700 px-2" aria-label={t("zoomOut")}>
          −
        </button>
        <span data-testid="zoom-level">{t("zoom", { zoom: view.zoom })}</span>
        <button type="button" onClick={() => zoomBy(1.25)} className="rounded bg-slate-700 px-2" aria-label={t("zoomIn")}>
          +
        </button>
        <button type="button" onClick={() => setView(START)} className="rounded bg-slate-700 px-2">
          {t("reset")}
        </button>
        <label className="flex items-center gap-1">
          {t("brightness")}{" "}
          <input type="range" min={30} max={250} value={brightness} onChange={(e) => setBrightness(Number(e.target.value))} />
        </label>
        <label className="flex items-center gap-1">
          {t("contrast")} <input type="range" min={30} max={300} value={contrast} onChange={(e) => setContrast(Number(e.target.value))} />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={invert} onChange={(e) => setInvert(e.target.checked)} /> {t("invert")}
        </label>
        {minutiaeUrl !== null && (
          <button
            type="button"
            onClick={() => setShowMinutiae((x) => !x)}
            aria-pressed={showMinutiae}
            className={`rounded px-2 py-0.5 ${showMinutiae ? "bg-green-700" : "bg-slate-700"}`}
            data-testid="minutiae-toggle"
          >
            {t("overlay.toggle")} <kbd className="rounded bg-slate-900 px-1 text-xs">{MINUTIAE_KEY.toUpperCase()}</kbd>
          </button>
        )}
        <span className="text-slate-400">{t("help")}</span>
        <button ref={closeRef} type="button" onClick={onClose} className="ms-auto rounded bg-slate-700 px-3 py-1">
          {t("close")}
        </button>
      </div>
      {overlayOn && <OverlayBar query={pair} />}
      {/* Applicant first, on the reading side; the images and their minutiae are never mirrored. */}
      <div
        ref={gridRef}
        className="relative grid flex-1 gap-2 p-2"
        style={{ gridTemplateColumns: `repeat(${panes.length}, minmax(0, 1fr))` }}
      >
        {panes.map((p, i) => {
          const side = overlayOn && pair.data && i < 2 ? (i === 0 ? pair.data.applicant : pair.data.candidate) : null;
          return (
            <figure key={i} className="flex min-h-0 flex-col">
              <figcaption className="pb-1 text-sm text-slate-300">{p.title}</figcaption>
              <div
                ref={(el) => {
                  paneRefs.current[i] = el;
                }}
                className="relative flex-1 cursor-grab overflow-hidden rounded bg-black"
                onWheel={onWheel}
                onPointerDown={onDown}
                onPointerMove={onMove}
                onPointerUp={() => (drag.current = null)}
              >
                {p.src ? (
                  // The image and its minutiae share one box and one transform: the marks stay on their ridges.
                  <div className="absolute inset-0" style={{ transform: `scale(${view.zoom}) translate(${view.x}px, ${view.y}px)` }}>
                    <img
                      src={p.src}
                      alt={describeBiometric(all, { slot, quality: p.quality, subject: p.title })}
                      draggable={false}
                      className="h-full w-full select-none object-contain"
                      style={{ filter }}
                      data-testid="compare-image"
                    />
                    {side && pair.data && (
                      <MinutiaeMarks
                        side={side}
                        paired={pairedOf(pair.data, i === 0 ? 0 : 1)}
                        zoom={view.zoom}
                        testId={i === 0 ? "minutiae-applicant" : "minutiae-candidate"}
                      />
                    )}
                  </div>
                ) : (
                  <p className="p-4 text-slate-400">{t("notCaptured")}</p>
                )}
              </div>
            </figure>
          );
        })}
        {overlayOn && pair.data && boxes.length >= 2 && panes[0]?.src && panes[1]?.src && (
          <PairLines pair={pair.data} boxes={[boxes[0], boxes[1]]} view={view} />
        )}
      </div>
    </ModalDialog>
  );
}
