export interface Segment {
  label: string;
  value: number;
  color: string;
}

/** One horizontal bar split into segments, with a legend; zero segments are left out of the bar but kept in the legend. */
export function StackedBar({ segments, label, testId }: { segments: Segment[]; label: string; testId?: string }) {
  const total = segments.reduce((s, x) => s + x.value, 0);
  let x = 0;
  return (
    <figure data-testid={testId}>
      <svg
        role="img"
        aria-label={`${label}: ${segments.map((s) => `${s.label} ${s.value}`).join(", ")}`}
        viewBox="0 0 1000 28"
        preserveAspectRatio="none"
        className="h-7 w-full rounded"
      >
        <rect x={0} y={0} width={1000} height={28} fill="#f1f5f9" />
        {total > 0 &&
          segments.map((s) => {
            const w = (s.value / total) * 1000;
            const r = (
              <rect key={s.label} x={x} y={0} width={w} height={28} fill={s.color}>
                <title>{`${s.label}: ${s.value}`}</title>
              </rect>
            );
            x += w;
            return r;
          })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {segments.map((s) => (
          <span key={s.label} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label} {s.value}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
