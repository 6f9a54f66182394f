import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService, ReferralRewardDTO } from "../../../types"
import { debitStoreCredit, storeCreditService } from "../utils/reward-channels"

export const clawBackReferralRewardsStepId = "claw-back-referral-rewards"

export type ClawedBackReward = { id: string; clawed_back?: number; note: string }

export type ClawBackReferralRewardsResult = { revoked: ClawedBackReward[]; failed: string[] }

/**
 * Takes back the money of rewards recorded as `revoking` (the clawback is
 * pending), then marks each `revoked` with what was taken. Store credit is
 * debited as far as the balance allows, an unused reward code is switched off.
 * Both are idempotent per reward, so a debit that failed (the referrer spent
 * the credit at that moment) is simply tried again by the redelivered event or
 * the next release, never lost and never doubled. A failure leaves that reward
 * `revoking` and is answered in `failed`; the others go on. One reward is
 * clawed back by one run at a time (a lock), so the debit's check for an
 * earlier debit and the debit itself cannot interleave. No compensation:
 * a clawback is never undone.
 */
export const clawBackReferralRewardsStep = createStep(
  clawBackReferralRewardsStepId,
  async (input: { reward_ids: string[] }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const result: ClawBackReferralRewardsResult = { revoked: [], failed: [] }
    if (!input.reward_ids.length) {
      return new StepResponse(result)
    }
    const locking = container.resolve(Modules.LOCKING)
    for (const id of input.reward_ids) {
      try {
        // A cancel refunds the payment too: both events claw the same reward back at once, one after the other here.
        await locking.execute(`referral-reward-clawback:${id}`, async () => {
          const [reward] = await referrals.listReferralRewards({ id, status: "revoking" })
          if (!reward) {
            return
          }
          const taken = await takeBack(container, reward)
          const moved = await referrals.transitionRewards([reward.id], "revoking", "revoked", {
            revoked_at: new Date(),
            note: taken.note,
          })
          if (moved.length) {
            result.revoked.push({ id: reward.id, ...taken })
          }
        }, { timeout: 30 })
      } catch (error) {
        container.resolve("logger").warn(`Referral reward ${id}: clawback failed, retried later: ${(error as Error).message}`)
        result.failed.push(id)
      }
    }
    return new StepResponse(result)
  }
)

/** The reason was recorded with the pending clawback; the note adds what was taken back. */
async function takeBack(
  container: MedusaContainer,
  reward: ReferralRewardDTO
): Promise<{ clawed_back?: number; note: string }> {
  const reason = reward.note ?? "revoked"
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
