// Small dependency-free SVG charts. Each has a text alternative (aria-label and a <title> per bar) so the
// figures are there for screen readers and tests, not only as pixels.

export interface BarDatum {
  label: string;
  value: number;
  /** Shown in the tooltip instead of the label, e.g. the full date. */
  title?: string;
}

export function BarChart({
  data,
  label,
  height = 140,
  color = "#334155",
  every = 1,
  barWidth = 24,
  testId,
}: {
  data: BarDatum[];
  label: string;
  height?: number;
  color?: string;
  every?: number;
  /** Wider bars leave room for longer labels under each bar, such as "≤10 min". */
  barWidth?: number;
  testId?: string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const barW = barWidth;
  const gap = 6;
  const top = 16;
  const bottom = 22;
  const width = data.length * (barW + gap) + gap;
  const plot = height - top - bottom;
  return (
    <svg
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.title ?? d.label} ${d.value}`).join(", ")}`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-full"
      data-testid={testId}
    >
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#cbd5e1" />
      {data.map((d, i) => {
        const h = (d.value / max) * plot;
        const x = gap + i * (barW + gap);
        return (
          <g key={i}>
            <title>{`${d.title ?? d.label}: ${d.value}`}</title>
            <rect x={x} y={top + plot - h} width={barW} height={Math.max(h, d.value ? 1 : 0)} fill={color} rx={2} />
            {d.value > 0 && (
              <text x={x + barW / 2} y={top + plot - h - 3} textAnchor="middle" fontSize={10} fill="#334155">
                {d.value}
              </text>
            )}
            {i % every === 0 && (
              <text x={x + barW / 2} y={height - 6} textAnchor="middle" fontSize={9} fill="#64748b">
                {d.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
