import type { MomentDecision, MomentSignal } from "../ml/moments"

/** Signals a shopper can claim without proof: a review or NPS answer the store itself did not record. */
export const SELF_REPORTABLE_SIGNALS: readonly MomentSignal[] = ["positive_review"]

/** Why a moment that only a self-reported signal carried over the threshold was not asked at. */
export const SELF_REPORTED_ONLY = "self_reported_only"

export type SelfReportedDecision = Omit<MomentDecision, "reason"> & { reason: MomentDecision["reason"] | typeof SELF_REPORTED_ONLY }

/**
 * A self-reported signal (the storefront's `POST /store/referrals/signals`)
 * may add to a moment but cannot make one on its own: when nothing the store
 * can verify fired beside it (a recent share, say), the moment is suppressed
 * as `self_reported_only`, whatever its score. So a burst of fake 5-star
 * reviews from fresh accounts creates no prompt and writes no message. A
 * moment already below the threshold keeps that reason.
 */
export function applySelfReportedRule(decision: MomentDecision, selfReported: boolean): SelfReportedDecision {
  if (!selfReported || decision.reason === "below_threshold") {
    return decision
  }
  const verified = decision.signals.filter((signal) => !SELF_REPORTABLE_SIGNALS.includes(signal))
  return verified.length ? decision : { ...decision, decision: "suppressed", reason: SELF_REPORTED_ONLY }
}
