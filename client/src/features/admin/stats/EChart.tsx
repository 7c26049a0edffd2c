/**
 * One Apache ECharts chart, from the modular build: only the bar and line
 * charts, grid, tooltip, legend, the toolbox's save-as-image, aria and the
 * canvas renderer are registered, and this file is reached only from the
 * scoring page's lazy chunk — voters and the hall never download it.
 */
import { useEffect, useRef } from "react";
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  ToolboxComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type ToolboxComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, ToolboxComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | ToolboxComponentOption
>;

/** Text legible for older eyes on a projector: nothing under 13 px. */
export const CHART_FONT = { fontSize: 14, fontFamily: "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif", color: "#1f2328" };
export const CHART_COLORS = ["#9f1c1c", "#1d5fa8", "#2f7d32", "#b26a00"];

export function EChart({ option, height, label, testId }: { option: ChartOption; height: number; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { textStyle: CHART_FONT, color: CHART_COLORS, aria: { enabled: true }, animationDuration: 300, ...option },
      { notMerge: true },
    );
  }, [option]);

  return <div ref={box} className="bo-echart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
