import { model } from "@medusajs/framework/utils"
import { REWARD_HOLD_STARTS } from "../../../types/referral/constants"

/**
 * The store's referral settings. Versioned: every change inserts a new row with
 * the next version, so what was in force when a referral happened stays readable.
 * The newest version is the one in force.
 */
const ReferralProgram = model
  .define(
    { tableName: "referral_program", name: "ReferralProgram" },
    {
      id: model.id({ prefix: "refprog" }).primaryKey(),
      version: model.number(),
      enabled: model.boolean().default(true),
      attribution_window_days: model.number().default(30),
      reward_code_expiry_days: model.number().default(90),
      reward_hold_days: model.number().default(30),
      reward_hold_starts: model.enum([...REWARD_HOLD_STARTS]).default("delivered"),
      reward_min_net_share: model.float().default(0.5),
      referrer_cap: model.number().default(10),
      referrer_cap_window_days: model.number().default(30),
      new_customers_only: model.boolean().default(true),
      block_same_address: model.boolean().default(true),
      require_review: model.boolean().default(false),
      flag_disposable_email: model.boolean().default(true),
      flag_ip_velocity: model.boolean().default(true),
      ip_velocity_max: model.number().default(3),
      ip_velocity_window_hours: model.number().default(24),
      flag_shared_fingerprint: model.boolean().default(true),
      propensity_ask_share: model.float().default(0.7),
      propensity_high_share: model.float().default(0.2),
      propensity_exploration_share: model.float().default(0.05),
      propensity_max_suppressed_shift: model.float().default(0.2),
      propensity_label: model.enum(["converted_referral", "shared"]).default("converted_referral"),
      propensity_min_positives: model.number().default(200),
      propensity_label_window_days: model.number().default(90),
      propensity_promotion_tolerance: model.float().default(0.005),
      moment_threshold: model.float().default(0.5),
      moment_weights: model.json<Record<string, number>>().nullable(),
      high_value_ratio: model.float().default(1.5),
      ask_cooldown_days: model.number().default(14),
      max_prompts_per_30_days: model.number().default(2),
      store_daily_prompt_cap: model.number().default(500),
      expected_margin_rate: model.float().default(0.3),
      super_connector_percentile: model.float().default(0.95),
      super_connector_min_referrals: model.number().default(3),
      llm_enabled: model.boolean().default(true),
      identifier_retention_days: model.number().default(90),
      message_retention_days: model.number().default(365),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_program_version_unique",
      on: ["version"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default ReferralProgram
