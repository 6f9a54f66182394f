import type { RewardHoldStart } from "../../types/referral/constants"

/**
 * The referral program's settings and their defaults, in one place. The README's
 * settings table is written from this object.
 */
export const PROGRAM_DEFAULTS = {
  /** Settings version; 0 until an admin first saves. */
  version: 0,
  /** Codes can be redeemed and rewards earned. Off, every code's Medusa promotions are inactive too (see [operations](operations.md)). */
  enabled: true,
  /** Days a click or applied code keeps counting for the referrer. */
  attribution_window_days: 30,
  /** Days a referrer's reward code can be spent, from the day it is issued. */
  reward_code_expiry_days: 90,
  /** Days a referrer's reward is held once its hold started, so returns and cancels can claw it back first (at least the store's return window). */
  reward_hold_days: 30,
  /** What starts the hold, with the payment captured: `order_placed`, `fulfilled` (every item) or `delivered`. */
  reward_hold_starts: "delivered" as RewardHoldStart,
  /** The reward is revoked when refunds leave less than this share of the referred items' value (net of the friend's discount). */
  reward_min_net_share: 0.5,
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
  /** Share of customers asked, those with the highest propensity (percentiles of the model's scores); the rest are "low" and not asked. */
  propensity_ask_share: 0.7,
  /** Share of customers in the "high" band, the top of the scores (at most the ask share). */
  propensity_high_share: 0.2,
  /** Share of "low" customers asked anyway, so the model keeps learning from them. */
  propensity_exploration_share: 0.05,
  /** A model that would move the share of customers not asked by more than this waits for an admin's confirmation. */
  propensity_max_suppressed_shift: 0.2,
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
  /** Days IP addresses and visitor ids are kept; at least the attribution window and the velocity window, which read them. */
  identifier_retention_days: 90,
  /** Days written share messages are kept. */
  message_retention_days: 365,
}

export type ProgramSettings = typeof PROGRAM_DEFAULTS
