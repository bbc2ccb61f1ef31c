// The retention module's public face: the retention run, data-subject erasure, legal holds.
export { type RetentionCounts, runRetention } from "./retention.jobs";
export { executeErasure, previewErasure } from "./retention.requests";
export { LegalHoldService } from "./retention.holds";
