import { z } from "@medusajs/framework/zod"
import { REWARD_HOLD_STARTS } from "../../../../types/referral/constants"
import type { MomentSignal } from "../../../../ml/moments/signals"

const days = (max: number) => z.number().int().min(0).max(max)

/**
 * A fraction kept to six decimals: settings are stored as PostgreSQL `real`,
 * which cannot hold magnitudes as small as 1e-50 (the insert fails, a 500).
 */
const fraction = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .transform((value) => Math.round(value * 1e6) / 1e6)
const share = fraction(1)

export const AdminUpdateReferralProgram = z
  .object({
    enabled: z.boolean(),
    attribution_window_days: days(365).min(1),
    reward_hold_days: days(365),
    reward_code_expiry_days: days(3650).min(1),
    reward_hold_starts: z.enum(REWARD_HOLD_STARTS),
    reward_min_net_share: share,
    referrer_cap: z.number().int().min(1).max(100000),
    referrer_cap_window_days: days(3650).min(1),
    new_customers_only: z.boolean(),
    block_same_address: z.boolean(),
    require_review: z.boolean(),
    flag_disposable_email: z.boolean(),
    flag_ip_velocity: z.boolean(),
    ip_velocity_max: z.number().int().min(1).max(10_000),
    ip_velocity_window_hours: z.number().int().min(1).max(24 * 90),
    flag_shared_fingerprint: z.boolean(),
    propensity_ask_share: share,
    propensity_high_share: share,
    propensity_exploration_share: share,
    propensity_max_suppressed_shift: share,
    propensity_label: z.enum(["converted_referral", "shared"]),
    propensity_min_positives: z.number().int().min(1).max(1_000_000),
    propensity_label_window_days: days(3650).min(1),
    propensity_promotion_tolerance: fraction(0.5),
    moment_threshold: share,
    moment_weights: z
      .object({
        first_order: share,
        repeat_milestone: share,
        high_value_order: share,
        delivered: share,
        positive_review: share,
        recent_sharing: share,
      } satisfies Record<MomentSignal, typeof share>)
      .partial()
      .strict()
      .nullable(),
    high_value_ratio: z.number().min(1).max(100),
    ask_cooldown_days: days(365),
    max_prompts_per_30_days: z.number().int().min(0).max(1000),
    store_daily_prompt_cap: z.number().int().min(0).max(10_000_000),
    expected_margin_rate: share,
    super_connector_percentile: share,
    super_connector_min_referrals: z.number().int().min(1).max(100_000),
    llm_enabled: z.boolean(),
    identifier_retention_days: days(3650).min(1),
    message_retention_days: days(3650).min(1),
  })
  .partial()
  .strict()
export type AdminUpdateReferralProgramType = z.infer<typeof AdminUpdateReferralProgram>
