import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService, ReferralStatus, RewardKind } from "../../../types"
import type { IssueOutcome } from "./issue-referral-reward"

export const finishReferralRewardStepId = "finish-referral-reward"

type Finished = {
  reward_id: string
  referral_id: string
  settled: "issued" | "revoked"
  /** What the referral moved to, or null when it was no longer `converted` (an admin rejected it meanwhile). */
  referral_to: ReferralStatus | null
  kind: RewardKind
  code: string | null
}

/**
 * Records how a claimed reward ended, and its referral with it, in one
 * transaction: issued (with the credit transaction or promotion it became)
 * and the referral rewarded, or revoked (with the order's fate) and the
 * referral rejected. Compensation puts both back as they were, the reward
 * to `issuing` for the claim's compensation to return it to `held`.
 */
export const finishReferralRewardStep = createStep(
  finishReferralRewardStepId,
  async (input: { reward_id: string; referral_id: string; result: IssueOutcome }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const { result } = input
    const before = await referrals.retrieveReferralReward(input.reward_id, { select: ["kind", "metadata"] })
    const issued = result.outcome === "issued"
    const referral_to: ReferralStatus = issued ? "rewarded" : "rejected"
    const moved = await referrals.settleClaimedReward({
      reward: {
        id: input.reward_id,
        from: "issuing",
        to: issued ? "issued" : "revoked",
        // Store credit falls back to a code when the loyalty plugin is absent: record what was really paid.
        data: result.outcome === "issued"
          ? {
              issued_at: new Date(),
              external_reference: result.external_reference,
              kind: result.kind,
              ...(result.code ? { code: result.code } : {}),
            }
          : { revoked_at: new Date(), note: result.reason },
      },
      referral: {
        id: input.referral_id,
        from: ["converted"],
        to: referral_to,
        reason: result.outcome === "issued" ? null : result.reason,
      },
    })
    if (!moved.reward) {
      // Only a run that stalled past its lease gets here: another run took the reward over and settled it.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Reward ${input.reward_id} was settled by another run while this one was stalled`
      )
    }
    const undo: Finished = {
      reward_id: input.reward_id,
      referral_id: input.referral_id,
      settled: issued ? "issued" : "revoked",
      referral_to: moved.referral ? referral_to : null,
      kind: before.kind,
      code: ((before.metadata as Record<string, unknown> | null)?.code as string | undefined) ?? null,
    }
    return new StepResponse(input.result, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).settleClaimedReward({
      reward: {
        id: undo.reward_id,
        from: undo.settled,
        to: "issuing",
        data: { issued_at: null, revoked_at: null, external_reference: null, note: null, kind: undo.kind, code: undo.code },
      },
      referral: undo.referral_to
        ? { id: undo.referral_id, from: [undo.referral_to], to: "converted", reason: null }
        : undefined,
    })
  }
)
