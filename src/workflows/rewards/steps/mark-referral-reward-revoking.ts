import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { type IReferralModuleService, type RewardStatus } from "../../../types"

export const markReferralRewardRevokingStepId = "mark-referral-reward-revoking"

export type MarkReferralRewardRevokingResult = {
  /** Revoked at once: the reward was still held, nothing to take back. */
  revoked: string[]
  /** Recorded as `revoking`, for `clawBackReferralRewardsStep` to take the money back. */
  revoking: string[]
}

type Before = { reward_id: string; status: RewardStatus; note: string | null; referral_id: string; referral: { status: string; reason: string | null } | null }

/**
 * An admin's revocation of a referrer's reward, with a reason: a held reward
 * is revoked, an issued one recorded as `revoking` (its money is taken back
 * next), one whose clawback is pending is tried again. The referral is
 * rejected with the reason. A reward being issued right now, the friend's
 * discount and an already revoked reward are refused. Compensation puts the
 * reward and the referral back as they were.
 */
export const markReferralRewardRevokingStep = createStep(
  markReferralRewardRevokingStepId,
  async (input: { reward_id: string; reason: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const reward = await referrals.retrieveReferralReward(input.reward_id, { relations: ["referral"] })
    if (reward.role !== "referrer") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The friend's discount went with the order; only the referrer's reward can be revoked."
      )
    }
    if (reward.status === "revoking") {
      return new StepResponse<MarkReferralRewardRevokingResult, Before | null>({ revoked: [], revoking: [reward.id] }, null)
    }
    if (reward.status !== "held" && reward.status !== "issued") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        reward.status === "issuing"
          ? `Reward ${reward.id} is being issued right now; try again in a moment.`
          : `Reward ${reward.id} is already revoked.`
      )
    }
    const to = reward.status === "held" ? "revoked" : "revoking"
    const moved = await referrals.transitionRewards([reward.id], reward.status, to, {
      note: input.reason,
      ...(to === "revoked" ? { revoked_at: new Date() } : {}),
    })
    if (!moved.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Reward ${reward.id} changed meanwhile; try again.`)
    }
    const referral = reward.referral
    const rejected = referral
      ? await referrals.transitionReferral(referral.id, ["converted", "rewarded"], "rejected", input.reason)
      : false
    const before: Before = {
      reward_id: reward.id,
      status: reward.status,
      note: reward.note ?? null,
      referral_id: referral?.id ?? "",
      referral: rejected && referral ? { status: referral.status, reason: referral.reason ?? null } : null,
    }
    return new StepResponse<MarkReferralRewardRevokingResult, Before | null>(
      to === "revoked" ? { revoked: [reward.id], revoking: [] } : { revoked: [], revoking: [reward.id] },
      before
    )
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    await referrals.transitionRewards([before.reward_id], ["revoked", "revoking"], before.status, {
      note: before.note,
      revoked_at: null,
    })
    if (before.referral) {
      await referrals.transitionReferral(before.referral_id, ["rejected"], before.referral.status, before.referral.reason)
    }
  }
)
