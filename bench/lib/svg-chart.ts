/**
 * A small line chart as SVG text: latency (ms) against the number of viewers,
 * one line per series. No chart library — axes, ticks, lines, dots, legend.
 */

export interface Series {
  name: string;
  color: string;
  dashed?: boolean;
  points: Array<{ x: number; y: number }>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** 1, 2, 5 × 10^k steps, about `count` of them up to `max`. */
function niceTicks(max: number, count = 5): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 0.001; v += step) ticks.push(Math.round(v * 1000) / 1000);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

export function lineChart(opts: { title: string; xLabel: string; yLabel: string; series: Series[]; subtitle?: string }): string {
  const W = 720;
  const H = 440;
  const m = { left: 70, right: 200, top: 60, bottom: 60 };
  const xs = [...new Set(opts.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const yMax = Math.max(1, ...opts.series.flatMap((s) => s.points.map((p) => p.y)));
  const yTicks = niceTicks(yMax);
  const yTop = yTicks[yTicks.length - 1]!;
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  // Viewers grow by multiples (1k, 5k, 10k): a log axis keeps the points apart.
  const lx = (x: number) => Math.log10(x);
  const [x0, x1] = [lx(xs[0] ?? 1), lx(xs[xs.length - 1] ?? 10)];
  const px = (x: number) => m.left + (x1 === x0 ? plotW / 2 : ((lx(x) - x0) / (x1 - x0)) * plotW);
  const py = (y: number) => m.top + plotH - (y / yTop) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${m.left}" y="24" font-size="16" font-weight="600">${esc(opts.title)}</text>`);
  if (opts.subtitle) out.push(`<text x="${m.left}" y="42" fill="#555">${esc(opts.subtitle)}</text>`);
  for (const t of yTicks) {
    out.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 8}" y="${py(t) + 4}" text-anchor="end" fill="#333">${t}</text>`);
  }
  for (const x of xs) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${m.top + plotH}" y2="${m.top + plotH + 5}" stroke="#333"/>`);
    out.push(`<text x="${px(x)}" y="${m.top + plotH + 20}" text-anchor="middle" fill="#333">${x.toLocaleString("en-US")}</text>`);
  }
  out.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="#333"/>`);
  out.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + plotH}" stroke="#333"/>`);
  out.push(`<text x="${m.left + plotW / 2}" y="${H - 16}" text-anchor="middle">${esc(opts.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(opts.yLabel)}</text>`);
  opts.series.forEach((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${pts.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ")}"/>`);
    for (const p of pts) {
      out.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(`${s.name}: ${p.y} ms at ${p.x}`)}</title></circle>`);
    }
    const ly = m.top + 10 + i * 22;
    out.push(`<line x1="${W - m.right + 20}" x2="${W - m.right + 50}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${W - m.right + 58}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
