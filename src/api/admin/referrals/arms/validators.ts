import { z } from "@medusajs/framework/zod"
import { REFEREE_OFFER_TYPES, REFERRER_OFFER_TYPES } from "../../../../types"
import { currency } from "../../../utils/validators"

const amounts = z.record(currency, z.number().positive().max(1_000_000)).nullable()

const ArmFields = z.object({
  name: z.string().trim().min(1).max(120),
  referee_type: z.enum(REFEREE_OFFER_TYPES),
  referee_value: z.number().positive().max(1_000_000),
  referee_currency_code: currency.nullable(),
  referee_amounts: amounts,
  referrer_type: z.enum(REFERRER_OFFER_TYPES),
  referrer_value: z.number().positive().max(1_000_000),
  referrer_currency_code: currency.nullable(),
  referrer_amounts: amounts,
  active: z.boolean(),
})

type ArmShape = Partial<z.infer<typeof ArmFields>>

/** Percentages are at most 100; a fixed friend discount is a promotion and needs its currency. */
function checkArm(arm: ArmShape, ctx: z.RefinementCtx) {
  if (arm.referee_type === "percentage" && (arm.referee_value ?? 0) > 100) {
    ctx.addIssue({ code: "custom", path: ["referee_value"], message: "A percentage discount can be at most 100" })
  }
  if (arm.referrer_type === "percentage" && (arm.referrer_value ?? 0) > 100) {
    ctx.addIssue({ code: "custom", path: ["referrer_value"], message: "A percentage reward can be at most 100" })
  }
  if (arm.referee_type === "fixed" && !arm.referee_currency_code) {
    ctx.addIssue({
      code: "custom",
      path: ["referee_currency_code"],
      message: "A fixed discount for the friend needs referee_currency_code",
    })
  }
}

export const AdminCreateIncentiveArm = ArmFields.partial({
  referee_currency_code: true,
  referee_amounts: true,
  referrer_currency_code: true,
  referrer_amounts: true,
  active: true,
})
  .strict()
  .superRefine(checkArm)
export type AdminCreateIncentiveArmType = z.infer<typeof AdminCreateIncentiveArm>

export const AdminUpdateIncentiveArm = ArmFields.extend({
  // Only true: an offer stops being the default when another one becomes it.
  is_default: z.literal(true, { message: "is_default can only be set to true: make another offer the default instead" }),
})
  .partial()
  .strict()
  .superRefine(checkArm)
export type AdminUpdateIncentiveArmType = z.infer<typeof AdminUpdateIncentiveArm>
