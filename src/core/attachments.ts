// Limits of the files attached to reports, case documents and outreach photos: the server enforces them,
// the web checks them before uploading.

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type MediaType = (typeof ATTACHMENT_TYPES)[number];
