import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { MOMENT_SIGNAL_NAMES, type MomentSignal } from "../../../ml/moments/signals"
import { DAY_MS, REFERRAL_STATUSES } from "../../../types"

const ReferralStatus = z.enum(REFERRAL_STATUSES)

/**
 * Medusa's find params take any number for paging; a negative, fractional or
 * huge limit or offset would reach SQL and fail there with a 500.
 */
const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}

/** A date PostgreSQL can hold: JavaScript dates reach 270,000 years either side, far beyond its timestamp range. */
const storableDate = z.coerce
  .date()
  .min(new Date("0001-01-01T00:00:00Z"), "Use a date from year 1 to 9999")
  .max(new Date("9999-12-31T23:59:59.999Z"), "Use a date from year 1 to 9999")

/**
 * A filter on a timestamp: a date or comparisons with dates. Medusa's operator
 * map takes any text and text operators ($like, $re), which SQL then refuses
 * against a timestamp with a 500.
 */
const dateFilter = z.union([
  storableDate,
  z
    .object({ $eq: storableDate, $ne: storableDate, $gt: storableDate, $gte: storableDate, $lt: storableDate, $lte: storableDate })
    .partial()
    .strict(),
])

export const AdminGetReferralsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  ...paging,
  status: z.union([ReferralStatus, z.array(ReferralStatus)]).optional(),
  referrer_customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  referee_customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.string().optional(),
  created_at: dateFilter.optional(),
})
export type AdminGetReferralsParamsType = z.infer<typeof AdminGetReferralsParams>

export const AdminReviewReferral = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict()
export type AdminReviewReferralType = z.infer<typeof AdminReviewReferral>

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
    propensity_low_threshold: share,
    propensity_high_threshold: share,
    propensity_label: z.enum(["converted_referral", "shared"]),
    propensity_min_positives: z.number().int().min(1).max(1_000_000),
    propensity_label_window_days: days(3650).min(1),
    propensity_promotion_tolerance: fraction(0.5),
    moment_threshold: share,
    moment_weights: z
      .object(Object.fromEntries(MOMENT_SIGNAL_NAMES.map((name) => [name, share])) as Record<MomentSignal, typeof share>)
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
  })
  .partial()
  .strict()
export type AdminUpdateReferralProgramType = z.infer<typeof AdminUpdateReferralProgram>

export const AdminUpdateReferralCode = z.object({ status: z.enum(["active", "disabled"]) }).strict()
export type AdminUpdateReferralCodeType = z.infer<typeof AdminUpdateReferralCode>

export const AdminGetMomentsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  ...paging,
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  decision: z.enum(["prompted", "suppressed"]).optional(),
  trigger: z.string().optional(),
  created_at: dateFilter.optional(),
})
export type AdminGetMomentsParamsType = z.infer<typeof AdminGetMomentsParams>

/** An ISO 4217 code such as "usd"; "u$d" or "ＵＳＤ" would be stored and then match no region. */
const currency = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{3}$/, "Use a three-letter ISO 4217 currency code, such as usd")
const amounts = z.record(currency, z.number().positive().max(1_000_000)).nullable()

const ArmFields = z.object({
  name: z.string().trim().min(1).max(120),
  referee_type: z.enum(["percentage", "fixed"]),
  referee_value: z.number().positive().max(1_000_000),
  referee_currency_code: currency.nullable(),
  referee_amounts: amounts,
  referrer_type: z.enum(["store_credit", "percentage", "fixed"]),
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

export const AdminUpdateIncentiveArm = ArmFields.partial().strict().superRefine(checkArm)
export type AdminUpdateIncentiveArmType = z.infer<typeof AdminUpdateIncentiveArm>

export const AdminGetNetworkParams = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(10) })
  .strict()
export type AdminGetNetworkParamsType = z.infer<typeof AdminGetNetworkParams>

export const AdminGetReferralTreeParams = z
  .object({ depth: z.coerce.number().int().min(1).max(10).default(3) })
  .strict()
export type AdminGetReferralTreeParamsType = z.infer<typeof AdminGetReferralTreeParams>

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

const POLICY_KINDS = ["bandit", "fixed_arm", "holdout"] as const
const MESSAGE_KINDS = ["llm", "template"] as const

export const AdminCreateExperiment = z
  .object({
    name: z.string().trim().min(1).max(120),
    dimension: z.enum(["policy", "message"]),
    control_key: z.string(),
    variants: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9_-]{1,40}$/, "Use 1 to 40 lower-case letters, digits, - or _"),
            kind: z.enum([...POLICY_KINDS, ...MESSAGE_KINDS]),
            arm_id: z.string().optional(),
            weight: z.number().int().min(1).max(1000).optional(),
          })
          .strict()
      )
      .min(2)
      .max(6),
  })
  .strict()
  .superRefine((experiment, ctx) => {
    const allowed: readonly string[] = experiment.dimension === "policy" ? POLICY_KINDS : MESSAGE_KINDS
    const keys = experiment.variants.map((v) => v.key)
    experiment.variants.forEach((variant, i) => {
      if (!allowed.includes(variant.kind)) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "kind"], message: `A ${experiment.dimension} experiment's variants are ${allowed.join(", ")}` })
      }
      if ((variant.kind === "fixed_arm") !== !!variant.arm_id) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "arm_id"], message: "arm_id is required for fixed_arm variants, and only for them" })
      }
    })
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: "custom", path: ["variants"], message: "Variant keys must be unique" })
    }
    if (!keys.includes(experiment.control_key)) {
      ctx.addIssue({ code: "custom", path: ["control_key"], message: "control_key must be one of the variants' keys" })
    }
  })
export type AdminCreateExperimentType = z.infer<typeof AdminCreateExperiment>
