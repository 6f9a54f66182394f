import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { DAY_MS, type IReferralModuleService } from "../../../types"
import { holdStartedAt, orderFate } from "../utils/order-standing"

export const deferUnstartedReferralRewardsStepId = "defer-unstarted-referral-rewards"

type Deferral = { id: string; release_at: Date | null }

/**
 * Of the held rewards whose earliest release has come, answers those whose
 * hold really passed: it starts when the friend's payment is captured and the
 * order reached `reward_hold_starts` (placed, fulfilled or delivered), and
 * lasts `reward_hold_days`. The others get their release moved to the earliest
 * it can now be (the hold's end, or a full hold from now while it has not
 * started), so they wait without blocking the release of others. Those whose
 * order fell through are answered too, for their issue to revoke them. Compensation
 * puts the previous release times back.
 */
export const deferUnstartedReferralRewardsStep = createStep(
  deferUnstartedReferralRewardsStepId,
  async (input: { reward_ids: string[]; now?: Date }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const now = input.now ?? new Date()
    if (!input.reward_ids.length) {
      return new StepResponse<string[], Deferral[]>([], [])
    }
    const settings = await referrals.retrieveProgramSettings()
    const holdMs = settings.reward_hold_days * DAY_MS
    const rewards = await referrals.listReferralRewards(
      { id: input.reward_ids },
      { select: ["id", "release_at"], relations: ["referral"] }
    )
    const due: string[] = []
    const before: Deferral[] = []
    for (const reward of rewards) {
      const orderId = reward.referral?.order_id
      const started = orderId ? await holdStartedAt(container, orderId, settings.reward_hold_starts) : now
      const releaseAt = new Date((started ?? now).getTime() + holdMs)
      // An order that fell through never starts a hold: its issue revokes the reward (were the cancel event missed).
      const fallen = !started && orderId ? await orderFate(container, orderId) : null
      if ((started && releaseAt.getTime() <= now.getTime()) || fallen) {
        due.push(reward.id)
        continue
      }
      before.push({ id: reward.id, release_at: reward.release_at ?? null })
      await referrals.updateReferralRewards({ id: reward.id, release_at: releaseAt })
    }
    return new StepResponse(due, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    await container
      .resolve<IReferralModuleService>(REFERRAL_MODULE)
      .updateReferralRewards(before.map(({ id, release_at }) => ({ id, release_at })))
  }
)
