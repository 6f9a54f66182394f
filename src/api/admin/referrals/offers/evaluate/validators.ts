import { z } from "@medusajs/framework/zod"
import { currency } from "../../../../utils/validators"

export const AdminEvaluateOfferParams = z
  .object({
    arm_id: z.string().trim().regex(/^[A-Za-z0-9_]{1,64}$/, "Use an offer's id, such as refarm_01H…"),
    currency_code: currency.optional(),
    min_probability: z.coerce.number().gt(0).max(1).optional(),
  })
  .strict()
export type AdminEvaluateOfferParamsType = z.infer<typeof AdminEvaluateOfferParams>
