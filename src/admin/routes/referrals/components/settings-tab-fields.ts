import type { ReferralProgram } from "../../../hooks/referral-program"
import { MOMENT_SIGNAL_NAMES } from "../../../../ml/moments/signals"

/**
 * The program settings the form edits, grouped, with what each one does (from
 * program-defaults.ts). The API validates every value; the form only converts.
 */
export type SettingField =
  | { name: keyof ReferralProgram; kind: "boolean"; label: string; hint: string }
  | { name: keyof ReferralProgram; kind: "number"; label: string; hint: string; step?: string }
  | { name: keyof ReferralProgram; kind: "choice"; label: string; hint: string; options: { value: string; label: string }[] }

export const SETTING_GROUPS: { title: string; fields: SettingField[] }[] = [
  {
    title: "Program",
    fields: [
      { name: "enabled", kind: "boolean", label: "Program enabled", hint: "Codes can be redeemed and rewards earned." },
      {
        name: "require_review",
        kind: "boolean",
        label: "Review every conversion",
        hint: "Hold each conversion for an admin's approval before a reward is created.",
      },
      {
        name: "new_customers_only",
        kind: "boolean",
        label: "New customers only",
        hint: "Only friends without earlier orders may redeem a code.",
      },
      {
        name: "block_same_address",
        kind: "boolean",
        label: "Block same address",
        hint: "Refuse a friend whose shipping address or phone is the referrer's.",
      },
      { name: "llm_enabled", kind: "boolean", label: "AI share messages", hint: "Write share messages with the configured LLM (falls back to templates)." },
    ],
  },
  {
    title: "Attribution and rewards",
    fields: [
      { name: "attribution_window_days", kind: "number", label: "Attribution window (days)", hint: "Days a click or applied code keeps counting for the referrer." },
      { name: "reward_hold_days", kind: "number", label: "Reward hold (days)", hint: "Days a reward is held so returns and cancels can claw it back first." },
      { name: "referrer_cap", kind: "number", label: "Referrals per referrer", hint: "Converted referrals one referrer can have within the cap window." },
      { name: "referrer_cap_window_days", kind: "number", label: "Cap window (days)", hint: "The window the referrer cap counts over." },
    ],
  },
  {
    title: "When to ask",
    fields: [
      { name: "moment_threshold", kind: "number", step: "any", label: "Moment threshold", hint: "A viral moment's score (0–1) from which the customer is asked." },
      { name: "high_value_ratio", kind: "number", step: "any", label: "High-value order ratio", hint: "An order this many times the customer's own average counts as high-value." },
      { name: "ask_cooldown_days", kind: "number", label: "Ask cooldown (days)", hint: "Days after a prompt before the customer may be asked again." },
      { name: "max_prompts_per_30_days", kind: "number", label: "Prompts per customer per 30 days", hint: "Prompts one customer may get in 30 days." },
      { name: "store_daily_prompt_cap", kind: "number", label: "Prompts per day (store)", hint: "Prompts the whole store may create in a day." },
      { name: "expected_margin_rate", kind: "number", step: "any", label: "Expected margin rate", hint: "Margin of a referred first order as a share (0–1) of the average order; offers are weighed against it." },
    ],
  },
  {
    title: "Propensity model",
    fields: [
      { name: "propensity_low_threshold", kind: "number", step: "any", label: "Low band below", hint: "Customers scored below this (0–1) are not asked." },
      { name: "propensity_high_threshold", kind: "number", step: "any", label: "High band from", hint: "Customers scored above this (0–1) are asked readily." },
      {
        name: "propensity_label",
        kind: "choice",
        label: "Who counts as a referrer",
        hint: "What the model learns to predict.",
        options: [
          { value: "converted_referral", label: "Brought a converted friend" },
          { value: "shared", label: "Shared at least once" },
        ],
      },
      { name: "propensity_min_positives", kind: "number", label: "Referrers needed to train", hint: "Below this many, scores come from the cold-start heuristic." },
      { name: "propensity_label_window_days", kind: "number", label: "Label window (days)", hint: "Features as of this many days ago; the label is what happened since." },
      { name: "propensity_promotion_tolerance", kind: "number", step: "any", label: "Promotion tolerance (AUC)", hint: "A new model replaces the active one unless its AUC is lower by more than this." },
    ],
  },
  {
    title: "Network",
    fields: [
      { name: "super_connector_percentile", kind: "number", step: "any", label: "Super-connector percentile", hint: "Top share (0–1) of customers by PageRank…" },
      { name: "super_connector_min_referrals", kind: "number", label: "Super-connector minimum referrals", hint: "…with at least this many converted referrals of their own." },
    ],
  },
]

/** The signals a viral moment weighs; an empty weight keeps the documented default. */
export const MOMENT_SIGNALS = MOMENT_SIGNAL_NAMES
