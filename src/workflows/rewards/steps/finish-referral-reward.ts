import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { IssueOutcome } from "./issue-referral-reward"

export const finishReferralRewardStepId = "finish-referral-reward"

type RewardBefore = {
  reward_id: string
  referral_id: string
  outcome: IssueOutcome["outcome"]
  kind: "store_credit" | "promotion" | "discount"
  metadata: Record<string, unknown> | null
}

/**
 * Records how a claimed reward ended: issued (with the credit transaction or
 * promotion it became) or revoked (with the order's fate); the referral
 * follows in `setReferralRewardOutcomeStep`. Compensation puts the reward back
 * to `issuing` as it was, for the claim's compensation to return it to `held`.
 */
export const finishReferralRewardStep = createStep(
  finishReferralRewardStepId,
  async (input: { reward_id: string; referral_id: string; result: IssueOutcome }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const { result } = input
    const before = await referrals.retrieveReferralReward(input.reward_id, { select: ["kind", "metadata"] })
    const moved =
      result.outcome === "issued"
        ? await referrals.transitionRewards([input.reward_id], "issuing", "issued", {
            issued_at: new Date(),
            external_reference: result.external_reference,
          })
        : await referrals.transitionRewards([input.reward_id], "issuing", "revoked", {
            revoked_at: new Date(),
            note: result.reason,
          })
    if (!moved.length) {
      // Only a run that stalled past its lease gets here: another run took the reward over and settled it.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Reward ${input.reward_id} was settled by another run while this one was stalled`
      )
    }
    const undo: RewardBefore = {
      reward_id: input.reward_id,
      referral_id: input.referral_id,
      outcome: result.outcome,
      kind: before.kind,
      metadata: (before.metadata as Record<string, unknown> | null) ?? null,
    }
    if (result.outcome === "issued") {
      // Store credit falls back to a code when the loyalty plugin is absent: record what was really paid.
      await referrals.updateReferralRewards({
        id: input.reward_id,
        kind: result.kind,
        ...(result.code ? { metadata: { code: result.code } } : {}),
      })
    }
    return new StepResponse(input.result, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const settled = undo.outcome === "issued" ? "issued" : "revoked"
    const moved = await referrals.transitionRewards([undo.reward_id], settled, "issuing", {
      issued_at: null,
      revoked_at: null,
      external_reference: null,
      note: null,
    })
    if (moved.length) {
      // Updates merge metadata, so the code this step added is cleared explicitly.
      const metadata = { ...(undo.metadata ?? {}), code: undo.metadata?.code ?? null }
      await referrals.updateReferralRewards({ id: undo.reward_id, kind: undo.kind, metadata })
    }
  }
)
