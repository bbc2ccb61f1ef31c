// The printable leaflets (A5 PDF, GET /api/public/leaflets/<name>.pdf): listed on the home page, made by
// src/server/modules/leaflets/.
export const LEAFLET_NAMES = ["waspada-lowongan-palsu", "cara-melapor"] as const;
export type LeafletName = (typeof LEAFLET_NAMES)[number];

export const leafletPath = (name: LeafletName) => `/api/public/leaflets/${name}.pdf`;
