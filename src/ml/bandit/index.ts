/** Contextual, cost-aware Thompson sampling for choosing referral offers. */
export { sampleBeta, sampleGamma } from "./beta-sampler"
export {
  PROPENSITY_BANDS,
  VALUE_TIERS,
  VALUE_TIER_DEFAULTS,
  allContexts,
  contextKey,
  firstOrderSize,
  loyaltyTier,
  valueTier,
  type AskMoment,
  type BanditContext,
  type FirstOrderSize,
  type LoyaltyTier,
  type ValueTier,
  type ValueTierInput,
  type ValueTierThresholds,
} from "./context"
export { betaCdf, betaCredibleInterval, betaQuantile } from "./credible-interval"
export {
  POSTERIOR_DEFAULTS,
  betaMean,
  pooledPosterior,
  type ArmCounts,
  type BetaParams,
  type PosteriorOptions,
} from "./posterior"
export {
  THOMPSON_DEFAULTS,
  chooseArm,
  type ArmChoice,
  type ArmSample,
  type ArmStats,
  type BanditArm,
  type ChooseArmInput,
  type ThompsonOptions,
} from "./thompson"
export { censoredFailureWeight, offerSuccessWeight, outcomeDelta, successWeight, type OutcomeDelta } from "./outcome-weight"
export {
  OFF_POLICY_DEFAULTS,
  evaluateAlwaysArm,
  type Estimate,
  type LoggedDecision,
  type OffPolicyEvaluation,
  type OffPolicyOptions,
} from "./off-policy"
