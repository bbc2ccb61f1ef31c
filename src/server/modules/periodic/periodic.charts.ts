// Charts of the periodic reports drawn on the server by ECharts' SVG renderer (no DOM, no canvas, no
// browser): the SVG string goes into the PDF as an `svg` node. No animation, fixed size, Roboto text
// (the PDF's font), numbers in Indonesian format.
import * as echarts from "echarts";
import { idNumber as number } from "./periodic.present";

const COLORS = ["#0b7285", "#e8590c", "#5c940d", "#862e9c"];

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: "Roboto", fontSize: 10 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars (one value per label), longest list first; labels cut to stay readable. */
export function barChart(items: { label: string; value: number }[], width = 480, height = Math.max(90, 26 * items.length + 30)): string {
  const rows = [...items].reverse();
  return render(
    {
      grid: { left: 150, right: 40, top: 8, bottom: 20 },
      xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => number.format(v) } },
      yAxis: {
        type: "category",
        data: rows.map((r) => (r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label)),
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          data: rows.map((r) => r.value),
          barMaxWidth: 16,
          label: { show: true, position: "right", formatter: (p: { value: number }) => number.format(p.value) },
        },
      ],
    },
    width,
    height,
  );
}

/** Lines over time (one per series), with a legend. */
export function lineChart(labels: string[], series: { name: string; values: number[] }[], width = 480, height = 200): string {
  return render(
    {
      legend: { top: 0, data: series.map((s) => s.name) },
      grid: { left: 40, right: 16, top: 28, bottom: 24 },
      xAxis: { type: "category", data: labels, boundaryGap: false },
      yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => number.format(v) } },
      series: series.map((s) => ({ type: "line", name: s.name, data: s.values, showSymbol: labels.length <= 12 })),
    },
    width,
    height,
  );
}
