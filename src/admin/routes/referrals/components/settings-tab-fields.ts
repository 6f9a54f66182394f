import type { ReferralProgramSettingKey, ReferralProgramSettings } from "../../../../types"

/**
 * Every program setting the form edits, keyed by its name, with what it does
 * (from program-defaults.ts). Keyed by `ReferralProgramSettingKey`, so a new
 * setting that is not given a field here is a type error, and a field's kind
 * follows the setting's type. The API validates every value; the form only converts.
 */
export const SETTING_GROUP_TITLES = [
  "Program",
  "Fraud checks",
  "Attribution and rewards",
  "When to ask",
  "Propensity model",
  "Network",
  "Privacy",
] as const
export type SettingGroupTitle = (typeof SETTING_GROUP_TITLES)[number]

type Described = { label: string; hint: string; group: SettingGroupTitle }
type BooleanSpec = Described & { kind: "boolean" }
type NumberSpec = Described & { kind: "number"; step?: string }
type ChoiceSpec<V extends string> = Described & { kind: "choice"; options: { value: V; label: string }[] }
/** The moment weights have an editor of their own, one input per signal. */
type WeightsSpec = { kind: "weights" }

type SpecFor<V> = [V] extends [boolean]
  ? BooleanSpec
  : [V] extends [number]
    ? NumberSpec
    : [V] extends [string]
      ? ChoiceSpec<V>
      : WeightsSpec

export type SettingSpecs = { [K in ReferralProgramSettingKey]: SpecFor<ReferralProgramSettings[K]> }

export const SETTINGS: SettingSpecs = {
  enabled: { group: "Program", kind: "boolean", label: "Program enabled", hint: "Codes can be redeemed and rewards earned." },
  require_review: {
    group: "Program",
    kind: "boolean",
    label: "Review every conversion",
    hint: "Hold each conversion for an admin's approval before a reward is created.",
  },
  new_customers_only: {
    group: "Program",
    kind: "boolean",
    label: "New customers only",
    hint: "Only friends without earlier orders may redeem a code.",
  },
  block_same_address: {
    group: "Program",
    kind: "boolean",
    label: "Block same address",
    hint: "Refuse a friend whose shipping address or phone is the referrer's.",
  },
  llm_enabled: { group: "Program", kind: "boolean", label: "AI share messages", hint: "Write share messages with the configured LLM (falls back to templates)." },

  flag_disposable_email: {
    group: "Fraud checks",
    kind: "boolean",
    label: "Flag disposable emails",
    hint: "Hold for review a conversion whose friend signed up with a disposable email domain.",
  },
  flag_ip_velocity: {
    group: "Fraud checks",
    kind: "boolean",
    label: "Flag many referrals from one network or device",
    hint: "Hold for review a conversion when one public IP or one device brought more referrals than the limit below.",
  },
  ip_velocity_max: { group: "Fraud checks", kind: "number", label: "Referrals per IP or device", hint: "More than this many within the window are held for review." },
  ip_velocity_window_hours: { group: "Fraud checks", kind: "number", label: "Velocity window (hours)", hint: "The window the IP and device limit counts over." },
  flag_shared_fingerprint: {
    group: "Fraud checks",
    kind: "boolean",
    label: "Flag shared address or card",
    hint: "Hold for review a friend who ships to the address or pays with the card of another friend of the same referrer.",
  },

  attribution_window_days: { group: "Attribution and rewards", kind: "number", label: "Attribution window (days)", hint: "Days a click or applied code keeps counting for the referrer." },
  reward_code_expiry_days: { group: "Attribution and rewards", kind: "number", label: "Reward code expiry (days)", hint: "Days a referrer's reward code can be spent, from the day it is issued." },
  reward_hold_days: {
    group: "Attribution and rewards",
    kind: "number",
    label: "Reward hold (days)",
    hint: "Days a reward is held once its hold started, so returns and cancels can claw it back first. At least your return window.",
  },
  reward_hold_starts: {
    group: "Attribution and rewards",
    kind: "choice",
    label: "Hold starts",
    hint: "With the payment captured, the hold starts when the order is placed, fulfilled or delivered.",
    options: [
      { value: "order_placed", label: "Order placed" },
      { value: "fulfilled", label: "Order fulfilled" },
      { value: "delivered", label: "Order delivered" },
    ],
  },
  reward_min_net_share: {
    group: "Attribution and rewards",
    kind: "number",
    step: "any",
    label: "Minimum kept share",
    hint: "The reward is revoked when refunds leave less than this share (0–1) of the referred items' value.",
  },
  referrer_cap: { group: "Attribution and rewards", kind: "number", label: "Referrals per referrer", hint: "Converted referrals one referrer can have within the cap window." },
  referrer_cap_window_days: { group: "Attribution and rewards", kind: "number", label: "Cap window (days)", hint: "The window the referrer cap counts over." },

  moment_threshold: { group: "When to ask", kind: "number", step: "any", label: "Moment threshold", hint: "A viral moment's score (0–1) from which the customer is asked." },
  moment_weights: { kind: "weights" },
  high_value_ratio: { group: "When to ask", kind: "number", step: "any", label: "High-value order ratio", hint: "An order this many times the customer's own average counts as high-value." },
  ask_cooldown_days: { group: "When to ask", kind: "number", label: "Ask cooldown (days)", hint: "Days after a prompt before the customer may be asked again." },
  max_prompts_per_30_days: { group: "When to ask", kind: "number", label: "Prompts per customer per 30 days", hint: "Prompts one customer may get in 30 days." },
  store_daily_prompt_cap: { group: "When to ask", kind: "number", label: "Prompts per day (store)", hint: "Prompts the whole store may create in a day." },
  expected_margin_rate: { group: "When to ask", kind: "number", step: "any", label: "Expected margin rate", hint: "Margin of a referred first order as a share (0–1) of the average order; offers are weighed against it." },

  propensity_ask_share: { group: "Propensity model", kind: "number", step: "any", label: "Share asked", hint: "Share (0–1) of customers asked, those most likely to refer; the rest are the low band and not asked." },
  propensity_high_share: { group: "Propensity model", kind: "number", step: "any", label: "High band share", hint: "Share (0–1) of customers at the top, asked readily; at most the share asked." },
  propensity_exploration_share: { group: "Propensity model", kind: "number", step: "any", label: "Exploration share", hint: "Share (0–1) of low-band customers asked anyway, so the model keeps learning from them." },
  propensity_max_suppressed_shift: { group: "Propensity model", kind: "number", step: "any", label: "Largest change without confirmation", hint: "A new model that would change the share of customers not asked by more than this (0–1) waits for your confirmation on the Model tab." },
  propensity_label: {
    group: "Propensity model",
    kind: "choice",
    label: "Who counts as a referrer",
    hint: "What the model learns to predict.",
    options: [
      { value: "converted_referral", label: "Brought a converted friend" },
      { value: "shared", label: "Shared at least once" },
    ],
  },
  propensity_min_positives: { group: "Propensity model", kind: "number", label: "Referrers needed to train", hint: "Below this many, scores come from the cold-start heuristic." },
  propensity_label_window_days: { group: "Propensity model", kind: "number", label: "Label window (days)", hint: "Features as of this many days ago; the label is what happened since." },
  propensity_promotion_tolerance: { group: "Propensity model", kind: "number", step: "any", label: "Promotion tolerance (AUC)", hint: "A new model replaces the active one unless its AUC is lower by more than this." },

  super_connector_percentile: { group: "Network", kind: "number", step: "any", label: "Super-connector percentile", hint: "Top share (0–1) of customers by PageRank…" },
  super_connector_min_referrals: { group: "Network", kind: "number", label: "Super-connector minimum referrals", hint: "…with at least this many converted referrals of their own." },

  identifier_retention_days: { group: "Privacy", kind: "number", label: "Keep IP addresses and visitor ids (days)", hint: "At least the attribution window and the velocity window, which read them." },
  message_retention_days: { group: "Privacy", kind: "number", label: "Keep share messages (days)", hint: "Written share messages older than this are erased." },
}

/** One input of the form: a setting with a scalar value, and how to edit it. */
export type SettingField = { name: ReferralProgramSettingKey } & (BooleanSpec | NumberSpec | ChoiceSpec<string>)

/** Every scalar setting, in the order written above. */
export const SETTING_FIELDS: SettingField[] = (Object.keys(SETTINGS) as ReferralProgramSettingKey[]).flatMap((name) => {
  const spec = SETTINGS[name]
  return spec.kind === "weights" ? [] : [{ name, ...spec } as SettingField]
})

export const SETTING_GROUPS: { title: SettingGroupTitle; fields: SettingField[] }[] = SETTING_GROUP_TITLES.map((title) => ({
  title,
  fields: SETTING_FIELDS.filter((field) => field.group === title),
}))

/** The signals a viral moment weighs (from the scoring code itself); an empty weight keeps the documented default. */
export { MOMENT_SIGNAL_NAMES as MOMENT_SIGNALS } from "../../../../ml/moments/signals"
