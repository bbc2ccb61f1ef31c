// The village map: desa coloured by risk level, programme status or outreach coverage, drawn by
// ECharts from the imported GeoJSON boundaries (no tiles, no network assets). A tooltip per desa,
// a click opens the village page; the table below carries the same information for keyboards and
// screen readers, and stands alone while no boundaries are imported.
import { Code, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { MapChart } from "echarts/charts";
import { TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { Link, navigate } from "../../lib/router";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { type MapResponse, villagePath } from "../villages/types";
import { PageHeader } from "../PageHeader";
import { SimpleTable } from "../SimpleTable";
import { ErrorAlert } from "../FormErrorAlert";

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Metric = "risk" | "status" | "coverage";
const METRICS: readonly Metric[] = ["risk", "status", "coverage"];
const COLOURS: Record<string, string> = {
  high: "#c92a2a",
  medium: "#f59f00",
  low: "#2f9e44",
  unknown: "#ced4da",
  active: "#0b7285",
  candidate: "#74c0fc",
  none: "#e9ecef",
  recent: "#2f9e44",
  stale: "#f59f00",
  never: "#c92a2a",
};
const IMPORT_COMMAND = "npx simpul import boundaries ../shared/data/geo/serang-desa.geojson --level desa";

type Row = { code: string; name: string; kecamatanCode: string | null; value: string | number | null; label: string; category: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function categoryLabel(t: (key: string) => string, metric: Metric, category: string): string {
  return t(`villageMap.category.${metric}.${category}`);
}

export function Chart({ data, metric }: { data: Extract<MapResponse, { type: "FeatureCollection" }>; metric: Metric }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const mapName = `simpul-${data.level}`;
    echarts.registerMap(mapName, { type: "FeatureCollection", features: data.features } as any);
    const chart = echarts.init(node, undefined, { renderer: "canvas" });
    const order = data.legend.map((entry) => entry.category);
    const labels = new Map(data.features.map((f) => [f.properties.code, f.properties]));
    chart.setOption({
      tooltip: {
        trigger: "item",
        formatter: (params: { name: string }) => {
          const props = labels.get(params.name);
          if (!props) return "";
          return `<strong>${escapeHtml(props.name)}</strong><br/>${escapeHtml(categoryLabel(t, metric, props.category))}<br/><small>${escapeHtml(props.label)}</small>`;
        },
      },
      visualMap: {
        type: "piecewise",
        show: false,
        dimension: 0,
        pieces: order.map((category, index) => ({ value: index, color: COLOURS[category] ?? "#adb5bd" })),
      },
      series: [
        {
          type: "map",
          map: mapName,
          nameProperty: "code",
          roam: true,
          selectedMode: false,
          aria: { enabled: true },
          emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffd43b" } },
          itemStyle: { borderColor: "#495057", borderWidth: 0.5 },
          data: data.features.map((f) => ({ name: f.properties.code, value: Math.max(0, order.indexOf(f.properties.category)) })),
        },
      ],
    });
    chart.on("finished", () => setRendered(true));
    chart.on("click", (params) => {
      if (typeof params.name === "string" && params.name.split(".").length === 4) navigate(villagePath(params.name));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, metric, t]);

  return (
    <div
      ref={element}
      className="village-map-canvas"
      data-testid="village-map"
      data-rendered={rendered ? "true" : "false"}
      role="img"
      aria-label={t("villageMap.chartLabel", { metric: t(`villageMap.metric.${metric}`) })}
    />
  );
}

export function VillageMap() {
  const { t } = useTranslation();
  usePageTitle(t("villageMap.title"));
  const [metric, setMetric] = useState<Metric>("risk");
  const data = useResource<MapResponse>(`/api/villages/map${query({ level: "desa", metric })}`);
  const response = data.data && data.data.metric === metric ? data.data : undefined;
  const rows: Row[] = !response ? [] : "rows" in response ? response.rows : response.features.map((f) => f.properties);
  const hasBoundaries = response && "type" in response && response.features.length > 0;

  return (
    <Stack>
      <PageHeader title={t("villageMap.title")} lead={t("villageMap.lead")} />
      <SegmentedControl
        aria-label={t("villageMap.colourBy")}
        value={metric}
        onChange={(value) => setMetric(value as Metric)}
        data={METRICS.map((value) => ({ value, label: t(`villageMap.metric.${value}`) }))}
      />
      <ErrorAlert error={data.error} />
      {!response && !data.error && <Text role="status">{t("common.loading")}</Text>}
      {response && (
        <ul
          className="village-legend"
          aria-label={t("villageMap.legend")}
          data-testid="map-legend"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          <Group gap="md">
            {response.legend.map((entry) => (
              <li key={entry.category}>
                <span className="village-legend-swatch" style={{ background: COLOURS[entry.category] ?? "#adb5bd" }} aria-hidden="true" />
                <Text span size="sm">
                  {categoryLabel(t, metric, entry.category)} ({formatNumber(rows.filter((row) => row.category === entry.category).length)})
                </Text>
              </li>
            ))}
          </Group>
        </ul>
      )}
      {response && !hasBoundaries && (
        <Paper withBorder p="md" data-testid="map-howto">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("villageMap.noBoundaries")}
            </Title>
            <Text size="sm">{t("villageMap.howTo")}</Text>
            <Code block>{IMPORT_COMMAND}</Code>
            <Text size="xs" c="dimmed">
              {t("villageMap.howToNote")}
            </Text>
          </Stack>
        </Paper>
      )}
      {response && hasBoundaries && "features" in response && (
        <Paper withBorder p={0}>
          <Chart data={response} metric={metric} />
        </Paper>
      )}
      {response && "missing" in response && response.missing.length > 0 && (
        <Text size="sm" c="dimmed">
          {t("villageMap.missing", { n: response.missing.length })}
        </Text>
      )}
      {response && (
        <>
          <Title order={2} size="h4">
            {t("villageMap.tableTitle")}
          </Title>
          <SimpleTable
            minWidth={560}
            verticalSpacing="xs"
            striped
            aria-label={t("villageMap.tableTitle")}
            headers={[t("outreach.desa"), t(`villageMap.metric.${metric}`), t("villageMap.detail")]}
          >
            {rows.map((row) => (
              <Table.Tr key={row.code} data-testid="map-row">
                <Table.Td>
                  <Text component={Link} href={villagePath(row.code)} size="sm" c="teal.9">
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <span className="village-legend-swatch" style={{ background: COLOURS[row.category] ?? "#adb5bd" }} aria-hidden="true" />
                  {categoryLabel(t, metric, row.category)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{row.label}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </SimpleTable>
        </>
      )}
    </Stack>
  );
}

export default VillageMap;
