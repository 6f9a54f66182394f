import { model } from "@medusajs/framework/utils"

export const TOUCH_TYPES = [
  "prompt_shown",
  "share",
  "click",
  "code_applied",
  "signup",
  "first_order",
] as const

/** Append-only funnel events; the indexes serve time-range counts per type and per code. */
const ReferralTouch = model
  .define(
    { tableName: "referral_touch", name: "ReferralTouch" },
    {
      id: model.id({ prefix: "reftch" }).primaryKey(),
      type: model.enum([...TOUCH_TYPES]),
      referral_code_id: model.text().nullable(),
      code: model.text().nullable(),
      customer_id: model.text().nullable(),
      visitor_id: model.text().nullable(),
      referral_id: model.text().nullable(),
      channel: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_referral_touch_type_created", on: ["type", "created_at"] },
    { name: "IDX_referral_touch_code_type", on: ["referral_code_id", "type"] },
    {
      // A referral's own milestones (code applied, first order) are recorded once.
      name: "IDX_referral_touch_referral_type_unique",
      on: ["referral_id", "type"],
      unique: true,
      where: "referral_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])

export default ReferralTouch
