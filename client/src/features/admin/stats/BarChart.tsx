import { useMemo } from "react";
import { useT } from "../../../i18n/useT.ts";
import { CHART_FONT, EChart, type ChartOption } from "./EChart.tsx";

/** Horizontal bars (names are long Chinese place names), best at the top; negative scores left of zero. */
export interface Bar {
  id: string;
  label: string;
  value: number;
}

const ROW_PX = 40;

export function BarChart({ bars, title, unit = "" }: { bars: Bar[]; title: string; unit?: string }) {
  const t = useT();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 12, right: 56, top: 44, bottom: 12, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, textStyle: CHART_FONT, valueFormatter: (v) => `${String(v)}${unit}` },
      toolbox: { right: 8, top: 0, itemSize: 20, feature: { saveAsImage: { title: t("admin.stats.saveImage"), name: title, pixelRatio: 2 } } },
      xAxis: { type: "value", axisLabel: { fontSize: 13 }, splitLine: { lineStyle: { color: "#e5e5e5" } } },
      yAxis: {
        type: "category",
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { fontSize: 14, width: 190, overflow: "truncate" },
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          name: title,
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.value < 0 ? "#b26a00" : "#9f1c1c", borderRadius: 3 } })),
          barMaxWidth: 24,
          label: { show: true, position: "right", fontSize: 14, formatter: (p) => `${String(p.value)}${unit}` },
        },
      ],
    }),
    [bars, title, unit, t],
  );
  return <EChart option={option} height={Math.max(200, bars.length * ROW_PX + 64)} label={`${title}: ${bars.map((b) => `${b.label} ${b.value}${unit}`).join(t("list.separator"))}`} testId="stats-bar-chart" />;
}
