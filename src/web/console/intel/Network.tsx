// The network of one entity drawn with cytoscape (canvas, no tiles or fonts fetched): the entity, its
// identifiers, and the reports, screenings and cases that name them. A table below says the same for
// screen readers and for phones where a graph is hard to read.
import cytoscape from "cytoscape";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Network as NetworkData } from "../../lib/intel";

const COLORS: Record<string, string> = {
  entity: "#c92a2a",
  identifier: "#495057",
  report: "#1971c2",
  screening: "#2f9e44",
  case: "#e8590c",
};

export function Network({ data }: { data: NetworkData }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...data.nodes.map((n) => ({
          data: { id: n.id, label: n.type === "identifier" ? n.label : `${t(`intel.nodeTypes.${n.type}`)} ${n.label}`, type: n.type },
        })),
        ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target } })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 10,
            "text-valign": "bottom",
            "text-margin-y": 4,
            width: 18,
            height: 18,
            "background-color": (node: cytoscape.NodeSingular) => COLORS[node.data("type") as string] ?? "#868e96",
          },
        },
        { selector: 'node[type = "entity"]', style: { width: 30, height: 30, "font-weight": "bold" } },
        { selector: "edge", style: { width: 1.5, "line-color": "#adb5bd" } },
      ],
      layout: {
        name: "breadthfirst",
        roots: data.nodes.filter((n) => n.type === "entity").map((n) => n.id),
        spacingFactor: 1.1,
        padding: 12,
      },
      userZoomingEnabled: true,
      wheelSensitivity: 0.3,
    });
    return () => cy.destroy();
  }, [data, t]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={t("intel.networkLabel")}
      data-testid="intel-network"
      style={{ height: 360, border: "1px solid #dee2e6", borderRadius: 8 }}
    />
  );
}
