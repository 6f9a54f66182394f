/**
 * Constants shared by the module, workflows, routes and the admin. Plain values
 * only (no Medusa imports), so the admin bundle can import them.
 */

export const DAY_MS = 24 * 60 * 60 * 1000
export const HOUR_MS = 60 * 60 * 1000

/** A friend's use of a code, from the cart to the reward (see the `referral` model). */
export const REFERRAL_STATUSES = ["pending", "review", "converted", "rewarded", "rejected", "expired"] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

/** Statuses of a referral whose order really converted (the funnel, the network, experiments). */
export const CONVERTED_REFERRAL_STATUSES = ["converted", "rewarded"] as const satisfies readonly ReferralStatus[]

/** Statuses that count against a referrer's cap: converted, and held for review. */
export const CAP_COUNTED_REFERRAL_STATUSES = ["converted", "rewarded", "review"] as const satisfies readonly ReferralStatus[]

export const REFERRAL_CODE_STATUSES = ["active", "disabled"] as const
export type ReferralCodeStatus = (typeof REFERRAL_CODE_STATUSES)[number]

/** `revoking`: the clawback is recorded and the money not yet taken back (retried until it is, then `revoked`). */
export const REWARD_STATUSES = ["held", "issuing", "issued", "revoking", "revoked"] as const
export type RewardStatus = (typeof REWARD_STATUSES)[number]

/** What, besides the captured payment, starts a reward's hold: the order itself, its fulfilment, or its delivery. */
export const REWARD_HOLD_STARTS = ["order_placed", "fulfilled", "delivered"] as const
export type RewardHoldStart = (typeof REWARD_HOLD_STARTS)[number]

export const REWARD_ROLES = ["referrer", "referee"] as const
export type RewardRole = (typeof REWARD_ROLES)[number]

export const REWARD_KINDS = ["store_credit", "promotion", "discount"] as const
export type RewardKind = (typeof REWARD_KINDS)[number]

export const REFEREE_OFFER_TYPES = ["percentage", "fixed"] as const
export type RefereeOfferType = (typeof REFEREE_OFFER_TYPES)[number]

export const REFERRER_OFFER_TYPES = ["store_credit", "percentage", "fixed"] as const
export type ReferrerOfferType = (typeof REFERRER_OFFER_TYPES)[number]

/**
 * A training run's place: scoring customers, waiting for an admin to confirm it
 * (it would change who is asked too much), not good enough (or superseded while
 * waiting), or replaced by a newer active model.
 */
export const PROPENSITY_MODEL_STATUSES = ["active", "awaiting_confirmation", "rejected", "retired"] as const
export type PropensityModelStatus = (typeof PROPENSITY_MODEL_STATUSES)[number]

/** CPU-heavy work the admin asks for, queued to the worker instead of run inside the request. */
export const COMPUTE_RUN_KINDS = ["propensity_training", "network"] as const
export type ComputeRunKind = (typeof COMPUTE_RUN_KINDS)[number]

export const COMPUTE_RUN_STATUSES = ["queued", "running", "done", "failed"] as const
export type ComputeRunStatus = (typeof COMPUTE_RUN_STATUSES)[number]

export const PROMPT_STATUSES = ["open", "converted", "expired"] as const
export type PromptStatus = (typeof PROMPT_STATUSES)[number]

export const MESSAGE_SOURCES = ["llm", "template"] as const
export type MessageSource = (typeof MESSAGE_SOURCES)[number]

export const MOMENT_DECISIONS = ["prompted", "suppressed"] as const
export type MomentDecision = (typeof MOMENT_DECISIONS)[number]

export const EXPERIMENT_DIMENSIONS = ["policy", "message"] as const
export type ExperimentDimension = (typeof EXPERIMENT_DIMENSIONS)[number]

export const EXPERIMENT_STATUSES = ["running", "stopped"] as const
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number]

export const VARIANT_KINDS = ["bandit", "fixed_arm", "holdout", "llm", "template"] as const
export type VariantKind = (typeof VARIANT_KINDS)[number]

/** The bandit's key for an arm's counts over all contexts. */
export const GLOBAL_CONTEXT = "*"

/** Statuses a conversion leaves a referral in (and that counted a use of the code, which undoing it gives back). */
export const CONVERSION_OUTCOME_STATUSES = ["converted", "review"] as const satisfies readonly ReferralStatus[]

/** Statuses a canceled or refunded order still rejects (everything not already rejected or expired). */
export const REJECTABLE_REFERRAL_STATUSES = ["pending", "review", "converted", "rewarded"] as const satisfies readonly ReferralStatus[]

/** `CONVERTED_REFERRAL_STATUSES` as an SQL list, `('converted', 'rewarded')`, for raw queries (literals, never input). */
export const CONVERTED_REFERRAL_STATUSES_SQL = `(${CONVERTED_REFERRAL_STATUSES.map((status) => `'${status}'`).join(", ")})`
