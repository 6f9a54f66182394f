import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { referrerRewardFor } from "../../../rules/offer"
import { referrerCurrency, storeDefaultCurrency } from "../utils/referrer-currency"

export const reviewReferralStepId = "review-referral"

type ReviewUndo = { id: string; reason: string | null; decision: "approve" | "reject" }

export type ReviewReferralStepInput = { id: string; decision: "approve" | "reject"; reason?: string | null }

/**
 * An admin's decision on a referral waiting for review. Approval converts it
 * and holds the referrer's reward as if it had converted without review;
 * rejection records the admin's reason. A referral not waiting for review is
 * refused, so a double click changes nothing.
 */
export const reviewReferralStep = createStep(
  reviewReferralStepId,
  async (input: ReviewReferralStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const referral = await referrals.retrieveReferral(input.id)
    if (referral.status !== "review") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Referral ${input.id} is ${referral.status}; only referrals waiting for review can be approved or rejected`
      )
    }
    if (input.decision === "reject") {
      const moved = await referrals.transitionReferral(
        input.id,
        ["review"],
        "rejected",
        input.reason ?? "rejected_by_admin"
      )
      if (!moved) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Referral ${input.id} was decided meanwhile`)
      }
      return new StepResponse(await referrals.retrieveReferral(input.id, { relations: ["rewards"] }), {
        id: input.id,
        reason: referral.reason,
        decision: "reject",
      } as ReviewUndo)
    }
    const code = await referrals.retrieveReferralCode(referral.referral_code_id)
    const armId = referral.arm_id ?? code.arm_id
    const arm = armId
      ? await referrals.retrieveIncentiveArm(armId)
      : (await referrals.listIncentiveArms({ is_default: true }, { take: 1 }))[0]
    // A referral reaches review only through conversion, which records the order's currency.
    const orderCurrency = referral.currency_code!
    const currency = await referrerCurrency(container, referral.referrer_customer_id, orderCurrency)
    const reward = referrerRewardFor(arm, currency, await storeDefaultCurrency(container, orderCurrency))
    if (!reward) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The offer "${arm.name}" lists no referrer reward in ${currency.toUpperCase()}, the currency this referrer shops in, so it can't be paid; reject the referral or reward the referrer yourself`
      )
    }
    const approved = await referrals.approveReferral(input.id, reward)
    return new StepResponse(approved, { id: input.id, reason: referral.reason, decision: "approve" } as ReviewUndo)
  },
  async (undo, { container }) => {
    if (undo?.decision === "reject") {
      // Back to review with the reason it had before the admin's rejection.
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .transitionReferral(undo.id, ["rejected"], "review", undo.reason ?? "manual_review")
    } else if (undo) {
      const approved = undo
      const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
      const rewards = await referrals.listReferralRewards({ referral_id: approved.id, role: "referrer", status: "held" })
      await referrals.deleteReferralRewards(rewards.map((reward) => reward.id))
      // Back to review for the reason it was there (manual review, or flagged by a fraud rule).
      await referrals.transitionReferral(approved.id, ["converted"], "review", approved.reason ?? "manual_review")
    }
  }
)
