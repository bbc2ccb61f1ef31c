// The village risk map on the console home: the map page's chart (ECharts, same colours and tooltips),
// loaded with this chunk only for users who may see the map and only when boundaries are imported.
import "../outreach/outreach.css";
import { Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { Link } from "../../lib/router";
import { useResource } from "../hooks";
import { Chart } from "../map/VillageMap";
import { MAP_PATH, type MapResponse } from "../villages/types";

export default function RiskMap() {
  const { t } = useTranslation();
  const map = useResource<MapResponse>(`/api/villages/map${query({ level: "desa", metric: "risk" })}`);
  const data = map.data;
  return (
    <Stack gap="xs">
      {data && "type" in data && data.features.length > 0 && <Chart data={data} metric="risk" />}
      <Anchor component={Link} href={MAP_PATH} size="sm">
        {t("dashboard.openMap")}
      </Anchor>
    </Stack>
  );
}
