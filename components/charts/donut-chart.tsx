import type { Segment } from "./stacked-bar";

/** A ring of shares with the total in the middle; for a handful of categories (e.g. decision outcomes). */
export function DonutChart({
  segments,
  label,
  size = 140,
  testId,
}: {
  segments: Segment[];
  label: string;
  size?: number;
  testId?: string;
}) {
  const total = segments.reduce((s, x) => s + x.value, 0);
  const r = 50;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <figure className="flex items-center gap-4" data-testid={testId}>
      <svg
        role="img"
        aria-label={`${label}: ${segments.map((s) => `${s.label} ${s.value}`).join(", ")}`}
        viewBox="0 0 120 120"
        width={size}
        height={size}
      >
        <circle cx={60} cy={60} r={r} fill="none" stroke="#f1f5f9" strokeWidth={16} />
        {total > 0 &&
          segments
            .filter((s) => s.value > 0)
            .map((s) => {
              const len = (s.value / total) * c;
              const el = (
                <circle
                  key={s.label}
                  cx={60}
                  cy={60}
                  r={r}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={16}
                  strokeDasharray={`${len} ${c - len}`}
                  strokeDashoffset={-offset}
                  transform="rotate(-90 60 60)"
                >
                  <title>{`${s.label}: ${s.value}`}</title>
                </circle>
              );
              offset += len;
              return el;
            })}
        <text x={60} y={64} textAnchor="middle" fontSize={18} fontWeight={600} fill="#0f172a">
          {total}
        </text>
      </svg>
      <figcaption className="space-y-1 text-xs text-slate-600">
        {segments.map((s) => (
          <div key={s.label} className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label} {s.value}
          </div>
        ))}
      </figcaption>
    </figure>
  );
}
