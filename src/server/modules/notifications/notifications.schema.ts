import { z } from "zod";

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
