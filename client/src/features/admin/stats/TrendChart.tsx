import { useId } from "react";

/** Month-by-month lines (score and voters heard), each on its own scale. Inline SVG, no library. */
export interface Series {
  name: string;
  className: string;
  values: number[];
}

export function TrendChart({ months, series, title }: { months: string[]; series: Series[]; title: string }) {
  const id = useId();
  const width = 720;
  const height = 240;
  const pad = { l: 40, r: 20, t: 20, b: 40 };
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const x = (i: number) => pad.l + (months.length <= 1 ? plotW / 2 : (i / (months.length - 1)) * plotW);
  return (
    <figure className="bo-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="bo-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {series.map((s) => `${s.name}: ${months.map((m, i) => `${m} ${s.values[i] ?? 0}`).join(", ")}`).join("；")}
        </desc>
        <line x1={pad.l} x2={width - pad.r} y1={pad.t + plotH} y2={pad.t + plotH} className="bo-chart__axis" />
        {months.map((m, i) => (
          <text key={m} x={x(i)} y={height - 14} textAnchor="middle" className="bo-chart__label bo-chart__label--small">
            {m.slice(2)}
          </text>
        ))}
        {series.map((s) => {
          const max = Math.max(1, ...s.values.map((v) => Math.abs(v)));
          const min = Math.min(0, ...s.values);
          const y = (v: number) => pad.t + plotH - ((v - min) / (max - min || 1)) * plotH;
          const points = s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ");
          return (
            <g key={s.name} className={s.className}>
              <polyline points={points} className="bo-chart__line" />
              {s.values.map((v, i) => (
                <g key={i}>
                  <circle cx={x(i)} cy={y(v)} r={3.5} className="bo-chart__dot" />
                  {v !== 0 ? (
                    <text x={x(i)} y={y(v) - 8} textAnchor="middle" className="bo-chart__value bo-chart__label--small">
                      {v}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="bo-chart__legend">
        {series.map((s) => (
          <span key={s.name} className={`bo-chart__key ${s.className}`}>
            <span className="bo-chart__swatch" aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
