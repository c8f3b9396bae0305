// A rate with its 95% confidence interval per row: a dot at the rate on a 0–100% track and a line from the
// interval's low to its high, so a wide interval (few cases) looks uncertain at a glance. Logical positions:
// a right-to-left page reads the track from its start like the text.

export interface IntervalDatum {
  label: string;
  /** 0–1, or null when there is no case to rest on. */
  rate: number | null;
  low: number | null;
  high: number | null;
  /** The figure in words, e.g. "80% (49–94%), 10 cases": shown beside the track and read by screen readers. */
  text: string;
}

export function IntervalChart({
  data,
  label,
  color = "#334155",
  testId,
}: {
  data: IntervalDatum[];
  label: string;
  color?: string;
  testId?: string;
}) {
  const pct = (v: number) => `${Math.max(0, Math.min(100, v * 100))}%`;
  return (
    <figure role="img" aria-label={`${label}: ${data.map((d) => `${d.label} ${d.text}`).join(", ")}`} data-testid={testId}>
      <div className="space-y-1.5">
        {data.map((d) => (
          <div key={d.label} className="grid grid-cols-[8rem_1fr_12rem] items-center gap-2 text-xs">
            <span className="truncate" title={d.label}>
              {d.label}
            </span>
            <span className="relative block h-3 rounded bg-slate-100 print-exact">
              {[0.25, 0.5, 0.75].map((g) => (
                <span key={g} aria-hidden className="absolute top-0 h-3 w-px bg-slate-300" style={{ insetInlineStart: pct(g) }} />
              ))}
              {d.low !== null && d.high !== null && (
                <span
                  aria-hidden
                  className="absolute top-1 h-1 rounded print-exact"
                  style={{ insetInlineStart: pct(d.low), width: pct(d.high - d.low), background: color, opacity: 0.45 }}
                />
              )}
              {d.rate !== null && (
                <span
                  aria-hidden
                  className="absolute top-0 h-3 w-3 -translate-x-1/2 rounded-full border-2 border-white print-exact rtl:translate-x-1/2"
                  style={{ insetInlineStart: pct(d.rate), background: color }}
                />
              )}
            </span>
            <span className="tabular-nums text-slate-700">{d.text}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
