import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const revokeCustomerHeldRewardsStepId = "revoke-customer-held-referral-rewards"

/** The note a reward revoked by an erasure carries. */
export const ERASURE_NOTE = "customer_erased"

/**
 * Revokes the rewards still held for an erased customer, nothing having been
 * paid yet: the same conditional held → revoked move as a clawback, so a
 * reward being released at that moment is either paid or revoked, never both,
 * and a second run finds nothing. Issued rewards stay in the ledger as they
 * are. Compensation puts the rewards this run revoked back on hold.
 */
export const revokeCustomerHeldRewardsStep = createStep(
  revokeCustomerHeldRewardsStepId,
  async (input: { customer_id: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const held = await referrals.listReferralRewards({ customer_id: input.customer_id, status: "held" }, { select: ["id"] })
    const revoked = await referrals.transitionRewards(
      held.map((reward) => reward.id),
      "held",
      "revoked",
      { revoked_at: new Date(), note: ERASURE_NOTE }
    )
    return new StepResponse(revoked, revoked)
  },
  async (revoked, { container }) => {
    if (revoked?.length) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .transitionRewards(revoked, "revoked", "held", { revoked_at: null, note: null })
    }
  }
)
