import { useId } from "react";

/** Horizontal bars (names are long Chinese place names), negative values to the left of zero. Inline SVG, no library. */
export interface Bar {
  id: string;
  label: string;
  value: number;
}

export function BarChart({ bars, title, unit = "" }: { bars: Bar[]; title: string; unit?: string }) {
  const id = useId();
  const rowH = 30;
  const labelW = 200;
  const width = 720;
  const plotW = width - labelW - 70;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const span = max - min || 1;
  const x = (v: number) => labelW + ((v - min) / span) * plotW;
  const height = bars.length * rowH + 10;
  return (
    <figure className="bo-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="bo-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{bars.map((b) => `${b.label} ${b.value}${unit}`).join("；")}</desc>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height - 4} className="bo-chart__axis" />
        {bars.map((b, i) => {
          const y = i * rowH + 6;
          const x0 = x(Math.min(0, b.value));
          const w = Math.max(1, Math.abs(x(b.value) - x(0)));
          return (
            <g key={b.id}>
              <text x={labelW - 8} y={y + rowH / 2} className="bo-chart__label" textAnchor="end" dominantBaseline="middle">
                {b.label.length > 12 ? `${b.label.slice(0, 12)}…` : b.label}
              </text>
              <rect x={x0} y={y + 3} width={w} height={rowH - 10} rx={3} className={b.value < 0 ? "bo-chart__bar bo-chart__bar--neg" : "bo-chart__bar"} />
              <text x={b.value < 0 ? x0 - 6 : x0 + w + 6} y={y + rowH / 2} className="bo-chart__value" textAnchor={b.value < 0 ? "end" : "start"} dominantBaseline="middle">
                {b.value}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
