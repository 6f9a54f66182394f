/** Viral moments: when to ask a customer for a referral, and when not to. */
export {
  MOMENT_SIGNALS,
  MOMENT_SIGNAL_NAMES,
  SIGNAL_DEFAULTS,
  detectSignals,
  scoreMoment,
  type MomentFacts,
  type MomentSignal,
  type MomentWeights,
  type SignalOptions,
} from "./signals"
export {
  EVALUATE_MOMENT_DEFAULTS,
  SUPPRESSION_DEFAULTS,
  SUPPRESSION_ORDER,
  evaluateMoment,
  suppressionReason,
  type EvaluateMomentInput,
  type MomentDecision,
  type MomentDecisionReason,
  type SuppressionFacts,
  type SuppressionReason,
  type SuppressionRules,
} from "./suppression"
export {
  decideMomentTiming,
  summarizeMomentTiming,
  type MomentReach,
  type MomentTimingDecision,
  type MomentTimingEvidence,
  type MomentTimingInput,
  type MomentValueSummary,
} from "./timing"
