/**
 * The referral program's settings and their defaults, in one place. The README's
 * settings table is written from this object.
 */
export const PROGRAM_DEFAULTS = {
  /** Settings version; 0 until an admin first saves. */
  version: 0,
  /** Codes can be redeemed and rewards earned. */
  enabled: true,
  /** Days a click or applied code keeps counting for the referrer. */
  attribution_window_days: 30,
  /** Days a referrer's reward is held after the friend's order, so returns and cancels can claw it back first. */
  reward_hold_days: 14,
  /** Referrals a referrer can have converted within `referrer_cap_window_days`. */
  referrer_cap: 10,
  referrer_cap_window_days: 30,
  /** Only friends without earlier orders may redeem a code. */
  new_customers_only: true,
  /** Refuse a friend whose shipping address or phone is the referrer's. */
  block_same_address: true,
  /** Hold every conversion for an admin's approval before a reward is created. */
  require_review: false,
  /** Hold for review a conversion whose friend signed up with a disposable email domain. */
  flag_disposable_email: true,
  /** Hold for review a conversion when one public IP or one device brought more than `ip_velocity_max` referrals... */
  flag_ip_velocity: true,
  ip_velocity_max: 3,
  /** ...within this many hours. */
  ip_velocity_window_hours: 24,
  /** Hold for review a friend who ships to the address or pays with the card of another friend of the same referrer. */
  flag_shared_fingerprint: true,
  /** Propensity bands: below `low` is not asked, above `high` is asked readily. */
  propensity_low_threshold: 0.3,
  propensity_high_threshold: 0.7,
  /** What counts as a referrer when training: a converted referral, or having shared at least once. */
  propensity_label: "converted_referral" as "converted_referral" | "shared",
  /** Below this many positive customers, scores come from the documented cold-start heuristic. */
  propensity_min_positives: 200,
  /** Features are taken as of this many days ago; the label is what happened since. */
  propensity_label_window_days: 90,
  /** A candidate replaces the active model unless its AUC is lower by more than this. */
  propensity_promotion_tolerance: 0.005,
  /** A viral moment's score from which the customer is asked. */
  moment_threshold: 0.5,
  /** Weights of the moment signals; null means the documented defaults (`MOMENT_SIGNALS`). */
  moment_weights: null as Record<string, number> | null,
  /** An order this many times the customer's own average counts as high-value. */
  high_value_ratio: 1.5,
  /** Days after a prompt before the customer may be asked again. */
  ask_cooldown_days: 14,
  /** Prompts one customer may get in 30 days. */
  max_prompts_per_30_days: 2,
  /** Prompts the whole store may create in a day. */
  store_daily_prompt_cap: 500,
  /** Margin of a referred first order, as a share of the average order value; the bandit weighs offers against it. */
  expected_margin_rate: 0.3,
  /** Super-connectors: customers in this top share by PageRank... */
  super_connector_percentile: 0.95,
  /** ...with at least this many converted referrals of their own. */
  super_connector_min_referrals: 3,
  /** Write share messages with the configured LLM (falls back to templates). */
  llm_enabled: true,
}

export type ProgramSettings = typeof PROGRAM_DEFAULTS
