import { model } from "@medusajs/framework/utils"
import { MOMENT_DECISIONS } from "../../../types/referral/constants"

/**
 * One evaluation of whether now is a good time to ask a customer to refer:
 * what triggered it, the signals that fired, the score, and the decision with
 * its reason, so the admin can see why someone was or was not asked. Unique
 * per trigger, so a redelivered event evaluates once.
 */
const ViralMoment = model
  .define(
    { tableName: "viral_moment", name: "ViralMoment" },
    {
      id: model.id({ prefix: "refvm" }).primaryKey(),
      customer_id: model.text(),
      trigger: model.text(),
      trigger_id: model.text(),
      signals: model.json<{ fired: string[]; facts: Record<string, unknown> }>(),
      score: model.float(),
      propensity: model.float().nullable(),
      propensity_band: model.text().nullable(),
      decision: model.enum([...MOMENT_DECISIONS]),
      reason: model.text().nullable(),
      prompt_id: model.text().nullable(),
      /** The experiment variants the customer was in ("experiment_id:key", comma-separated), if any. */
      variant: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_viral_moment_trigger_unique",
      on: ["customer_id", "trigger", "trigger_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_viral_moment_customer_created", on: ["customer_id", "created_at"] },
    { name: "IDX_viral_moment_decision_created", on: ["decision", "created_at"] },
  ])

export default ViralMoment
