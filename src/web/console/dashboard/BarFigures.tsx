// A bar chart of dashboard figures (ECharts, loaded with this chunk only when the console home shows a chart).
// Each bar opens the list behind its number; the numbers themselves are also in the cards beside the chart.
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatNumber } from "../../lib/format";
import { navigate } from "../../lib/router";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  label: string;
  value: number;
  href: string;
  colour?: string;
}

export default function BarFigures({ bars, label }: { bars: Bar[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.init(node, undefined, { renderer: "canvas" });
    chart.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "item", formatter: (p: { name: string; value: number }) => `${p.name}: ${formatNumber(p.value)}` },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: { type: "category", inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 110, overflow: "truncate" } },
      series: [
        {
          type: "bar",
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour ?? "#0b7285" } })),
          label: { show: true, position: "right", formatter: (p: { value: number }) => formatNumber(p.value) },
          cursor: "pointer",
        },
      ],
    });
    chart.on("click", (params) => {
      const bar = bars[params.dataIndex];
      if (bar) navigate(bar.href);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars]);
  return <div ref={element} role="img" aria-label={label} style={{ width: "100%", height: Math.max(140, bars.length * 36 + 24) }} />;
}
