"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type PointerEvent, type WheelEvent } from "react";
import { ModalDialog } from "@/components/modal-dialog";
import { describeBiometric } from "@/lib/biometrics/describe-biometric";
import type { GridSlot } from "@/lib/biometrics/grid";

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

/**
 * Applicant and candidate images enlarged side by side. Zoom and pan are one shared state, so both images
 * move together and the examiner compares the same region; brightness, contrast and invert apply to both.
 */
export function CompareViewer({ slot, panes, onClose }: { slot: GridSlot; panes: ComparePane[]; onClose: () => void }) {
  const t = useTranslations("compare");
  const all = useTranslations();
  const label = all(`labels.slots.${slot}`);
  const [view, setView] = useState<View>(START);
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
  }, [zoomBy, view.zoom]);

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
        <span className="text-slate-400">{t("help")}</span>
        <button ref={closeRef} type="button" onClick={onClose} className="ms-auto rounded bg-slate-700 px-3 py-1">
          {t("close")}
        </button>
      </div>
      {/* Applicant first, on the reading side; the images themselves are never mirrored. */}
      <div className="grid flex-1 gap-2 p-2" style={{ gridTemplateColumns: `repeat(${panes.length}, minmax(0, 1fr))` }}>
        {panes.map((p, i) => (
          <figure key={i} className="flex min-h-0 flex-col">
            <figcaption className="pb-1 text-sm text-slate-300">{p.title}</figcaption>
            <div
              className="relative flex-1 cursor-grab overflow-hidden rounded bg-black"
              onWheel={onWheel}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={() => (drag.current = null)}
            >
              {p.src ? (
                <img
                  src={p.src}
                  alt={describeBiometric(all, { slot, quality: p.quality, subject: p.title })}
                  draggable={false}
                  className="absolute inset-0 m-auto max-h-full max-w-full select-none object-contain"
                  style={{ transform: `scale(${view.zoom}) translate(${view.x}px, ${view.y}px)`, filter }}
                  data-testid="compare-image"
                />
              ) : (
                <p className="p-4 text-slate-400">{t("notCaptured")}</p>
              )}
            </div>
          </figure>
        ))}
      </div>
    </ModalDialog>
  );
}
