import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { ERASURE_NOTE } from "./revoke-customer-held-rewards"

export const rejectErasedReferrerReviewsStepId = "reject-erased-referrer-reviews"

/**
 * Rejects the erased customer's referrals still waiting for review: approving
 * one later would hold a reward for a customer who is gone. The same
 * conditional review → rejected move as an admin's rejection, so a referral
 * approved at that moment is decided once, and a second run finds nothing.
 * Compensation puts the rejected ones back in review.
 */
export const rejectErasedReferrerReviewsStep = createStep(
  rejectErasedReferrerReviewsStepId,
  async (input: { customer_id: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const waiting = await referrals.listReferrals(
      { referrer_customer_id: input.customer_id, status: "review" },
      { select: ["id", "reason"] }
    )
    const rejected: { id: string; reason: string | null }[] = []
    for (const referral of waiting) {
      if (await referrals.transitionReferral(referral.id, ["review"], "rejected", ERASURE_NOTE)) {
        rejected.push({ id: referral.id, reason: referral.reason ?? null })
      }
    }
    return new StepResponse(
      rejected.map((referral) => referral.id),
      rejected
    )
  },
  async (rejected, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    for (const referral of rejected ?? []) {
      await referrals.transitionReferral(referral.id, ["rejected"], "review", referral.reason ?? "manual_review")
    }
  }
)
