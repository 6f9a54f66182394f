import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { type IReferralModuleService, REJECTABLE_REFERRAL_STATUSES } from "../../../types"
import { debitStoreCredit, storeCreditService } from "../utils/reward-channels"

export const reverseReferralRewardsStepId = "reverse-referral-rewards"

export type ReverseReferralRewardsStepInput = {
  order_id: string
  reason: "order_canceled" | "order_refunded"
}

export type ReversedReward = { id: string; was: string; clawed_back?: number; note: string }

export type ReverseReferralRewardsResult = { referral_id: string | null; reversed: ReversedReward[] }

/**
 * Claws back what a referral earned when its order is canceled or fully
 * refunded. A held reward is simply revoked. An issued one is taken back:
 * store credit is debited as far as the balance allows, an unused reward code
 * is switched off. The referral becomes rejected with the reason. Each change
 * is a conditional update, so a redelivered event finds nothing left to do.
 * No compensation: only an event follows, and a clawback is never undone by a
 * retry.
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
      return new StepResponse({ referral_id: null, reversed: [] })
    }
    const reversed: ReversedReward[] = []
    for (const reward of referral.rewards ?? []) {
      if (reward.status === "held") {
        const moved = await referrals.transitionRewards([reward.id], "held", "revoked", {
          revoked_at: new Date(),
          note: input.reason,
        })
        if (moved.length) {
          reversed.push({ id: reward.id, was: "held", note: input.reason })
        }
      } else if (reward.status === "issued") {
        const moved = await referrals.transitionRewards([reward.id], "issued", "revoked", {
          revoked_at: new Date(),
        })
        if (!moved.length) {
          continue
        }
        const note = await takeBack(container, reward, input.reason)
        await referrals.updateReferralRewards({ id: reward.id, note: note.note })
        reversed.push({ id: reward.id, was: "issued", ...note })
      }
    }
    await referrals.transitionReferral(
      referral.id,
      [...REJECTABLE_REFERRAL_STATUSES],
      "rejected",
      input.reason
    )
    return new StepResponse({ referral_id: referral.id, reversed })
  }
)

async function takeBack(
  container: Parameters<typeof storeCreditService>[0],
  reward: {
    id: string
    kind: string
    role: string
    amount: unknown
    currency_code: string
    customer_id: string | null
    external_reference: string | null
  },
  reason: string
): Promise<{ clawed_back?: number; note: string }> {
  if (reward.role === "referee") {
    // The friend's discount went with the order itself.
    return { note: reason }
  }
  if (reward.kind === "store_credit") {
    const service = storeCreditService(container)
    const clawed = service
      ? await debitStoreCredit(service, {
          id: reward.id,
          customer_id: reward.customer_id!,
          amount: Number(reward.amount),
          currency_code: reward.currency_code,
          kind: "store_credit",
        })
      : 0
    return { clawed_back: clawed, note: `${reason}: ${clawed} of ${Number(reward.amount)} debited` }
  }
  if (reward.external_reference) {
    const promotions = container.resolve(Modules.PROMOTION)
    const promotion = await promotions.retrievePromotion(reward.external_reference)
    if (!promotion.used) {
      await promotions.updatePromotions([{ id: promotion.id, status: "inactive" }])
      return { note: `${reason}: reward code deactivated` }
    }
    return { note: `${reason}: reward code was already used` }
  }
  return { note: reason }
}
