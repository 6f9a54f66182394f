import { z } from "@medusajs/framework/zod"

export const AdminGetNetworkParams = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(10) })
  .strict()
export type AdminGetNetworkParamsType = z.infer<typeof AdminGetNetworkParams>
