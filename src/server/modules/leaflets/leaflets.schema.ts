import { z } from "zod";
import { LEAFLET_NAMES, type LeafletName } from "../../../core/leaflets";

export type { LeafletName };

export const LeafletFileParam = z.object({
  file: z.enum(LEAFLET_NAMES.map((n) => `${n}.pdf` as const) as [`${LeafletName}.pdf`, ...`${LeafletName}.pdf`[]]),
});
