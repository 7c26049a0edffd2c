import { useMemo } from "react";
import { useT } from "../../../i18n/useT.ts";
import { CHART_FONT, EChart, type ChartOption } from "./EChart.tsx";

/** Month-by-month lines (score and voters heard), each on its own axis: score left, voters right. */
export interface Series {
  name: string;
  values: number[];
}

export function TrendChart({ months, series, title }: { months: string[]; series: Series[]; title: string }) {
  const t = useT();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 12, right: 12, top: 64, bottom: 12, containLabel: true },
      legend: { top: 4, left: 0, textStyle: { fontSize: 14 }, itemWidth: 28, itemHeight: 14 },
      tooltip: { trigger: "axis", textStyle: CHART_FONT },
      toolbox: { right: 8, top: 0, itemSize: 20, feature: { saveAsImage: { title: t("admin.stats.saveImage"), name: title, pixelRatio: 2 } } },
      xAxis: { type: "category", data: months, boundaryGap: false, axisLabel: { fontSize: 13, hideOverlap: true } },
      yAxis: series.slice(0, 2).map((s, i) => ({
        type: "value" as const,
        name: s.name,
        nameTextStyle: { fontSize: 13, align: i === 0 ? ("left" as const) : ("right" as const) },
        position: i === 0 ? ("left" as const) : ("right" as const),
        axisLabel: { fontSize: 13 },
        splitLine: { show: i === 0, lineStyle: { color: "#e5e5e5" } },
      })),
      series: series.map((s, i) => ({
        type: "line" as const,
        name: s.name,
        data: s.values,
        yAxisIndex: Math.min(i, 1),
        symbolSize: 8,
        lineStyle: { width: 3, type: i === 0 ? ("solid" as const) : ("dashed" as const) },
      })),
    }),
    [months, series, title, t],
  );
  const description = series.map((s) => `${s.name}: ${months.map((m, i) => `${m} ${s.values[i] ?? 0}`).join(t("list.separator"))}`).join("; ");
  return <EChart option={option} height={320} label={`${title}. ${description}`} testId="stats-trend-chart" />;
}
