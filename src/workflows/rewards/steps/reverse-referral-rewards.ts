import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { type IReferralModuleService, REJECTABLE_REFERRAL_STATUSES } from "../../../types"

export const reverseReferralRewardsStepId = "reverse-referral-rewards"

export type ReverseReferralRewardsStepInput = {
  order_id: string
  reason: "order_canceled" | "order_refunded"
}

export type ReversedReward = { id: string; was: string; note: string }

export type ReverseReferralRewardsResult = {
  referral_id: string | null
  /** Revoked now, with nothing to take back: held rewards and the friend's discount. */
  reversed: ReversedReward[]
  /** Issued rewards whose clawback is recorded and pending (`revoking`), for `clawBackReferralRewardsStep`. */
  revoking: string[]
}

/**
 * Revokes what a referral earned when its order fell through. A held reward
 * (and the friend's discount, which went with the order) is revoked at once.
 * An issued one is recorded as `revoking` first, with the reason, so the money
 * is taken back after, by a step that is retried until it succeeds. Rewards
 * already `revoking` from an earlier, failed attempt are answered again. The
 * referral becomes rejected with the reason. Each change is a conditional
 * update, so a redelivered event finds nothing left to do but the pending
 * clawbacks. A reward being issued right now is left to its issue, which
 * checks the order again when it has paid. No compensation: a clawback is
 * never undone by a retry.
 */
export const reverseReferralRewardsStep = createStep(
  reverseReferralRewardsStepId,
  async (input: ReverseReferralRewardsStepInput, { container }): Promise<StepResponse<ReverseReferralRewardsResult>> => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [referral] = await referrals.listReferrals(
      { order_id: input.order_id },
      { relations: ["rewards"], take: 1 }
    )
    if (!referral) {
      return new StepResponse({ referral_id: null, reversed: [], revoking: [] })
    }
    const result: ReverseReferralRewardsResult = { referral_id: referral.id, reversed: [], revoking: [] }
    for (const reward of referral.rewards ?? []) {
      const settlesNow = reward.status === "held" || (reward.status === "issued" && reward.role === "referee")
      if (settlesNow) {
        const moved = await referrals.transitionRewards([reward.id], reward.status, "revoked", {
          revoked_at: new Date(),
          note: input.reason,
        })
        if (moved.length) {
          result.reversed.push({ id: reward.id, was: reward.status, note: input.reason })
        }
      } else if (reward.status === "issued") {
        const moved = await referrals.transitionRewards([reward.id], "issued", "revoking", { note: input.reason })
        result.revoking.push(...moved)
      } else if (reward.status === "revoking") {
        result.revoking.push(reward.id)
      }
    }
    await referrals.transitionReferral(
      referral.id,
      [...REJECTABLE_REFERRAL_STATUSES],
      "rejected",
      input.reason
    )
    return new StepResponse(result)
  }
)
