import { z } from "@medusajs/framework/zod"
import { MOMENT_DECISIONS } from "../../../../types"
import { createAdminListParams, dateFilter } from "../../../utils/validators"

export const AdminGetMomentsParams = createAdminListParams().extend({
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  decision: z.enum(MOMENT_DECISIONS).optional(),
  trigger: z.string().optional(),
  created_at: dateFilter.optional(),
})
export type AdminGetMomentsParamsType = z.infer<typeof AdminGetMomentsParams>
