import { z } from "@medusajs/framework/zod"
import { DAY_MS } from "../../../../types"
import { currency, storableDate } from "../../../utils/validators"

export const AdminGetLoopMetricsParams = z
  .object({
    from: storableDate.optional(),
    to: storableDate.optional(),
    group_by: z.enum(["week", "variant", "arm", "segment"]).optional(),
    currency_code: currency.optional(),
    activation_days: z.coerce.number().int().min(1).max(365).default(60),
  })
  .strict()
  .transform((query) => {
    const to = query.to ?? new Date()
    return { ...query, to, from: query.from ?? new Date(to.getTime() - 30 * DAY_MS) }
  })
  .refine((query) => query.from < query.to, { message: "from must be before to", path: ["from"] })
export type AdminGetLoopMetricsParamsType = z.infer<typeof AdminGetLoopMetricsParams>
