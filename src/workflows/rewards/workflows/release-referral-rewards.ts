import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { clawBackReferralRewardsStep } from "../steps/claw-back-referral-rewards"
import { settlePromptBanditValuesStep } from "../../moments/steps/settle-prompt-bandit-values"
import { deferUnstartedReferralRewardsStep } from "../steps/defer-unstarted-referral-rewards"
import { issueDueReferralRewardsStep, type ReleaseReferralRewardsResult } from "../steps/issue-due-referral-rewards"
import { listDueReferralRewardsStep } from "../steps/list-due-referral-rewards"
import { listRevokingReferralRewardsStep } from "../steps/list-revoking-referral-rewards"
import { reclaimStalledReferralRewardsStep } from "../steps/reclaim-stalled-referral-rewards"

export const releaseReferralRewardsWorkflowId = "release-referral-rewards"

export type { ReleaseReferralRewardsResult } from "../steps/issue-due-referral-rewards"

/**
 * The hourly release: every held reward whose hold has passed (payment
 * captured, order placed/fulfilled/delivered as configured, then the hold
 * days) is issued or, if its order fell through, revoked. Rewards an earlier
 * run left `issuing` past the lease (it crashed mid-issue) are taken back
 * first and paid with the rest. Clawbacks still pending (`revoking`, a debit
 * failed) are retried; those done count as revoked, those failing again as failed.
 */
export const releaseReferralRewardsWorkflow = createWorkflow(
  releaseReferralRewardsWorkflowId,
  (input: { now?: Date; limit?: number }) => {
    reclaimStalledReferralRewardsStep(input)
    const listed = listDueReferralRewardsStep(input)
    const due = deferUnstartedReferralRewardsStep(
      transform({ listed, input }, ({ listed, input }) => ({ reward_ids: listed, now: input.now }))
    )
    const released = issueDueReferralRewardsStep(due)
    const revoking = listRevokingReferralRewardsStep(input)
    const clawed = clawBackReferralRewardsStep(transform({ revoking }, ({ revoking }) => ({ reward_ids: revoking })))
    // Clawbacks finished only now settle their prompts (issued rewards settle in their own issue workflow).
    settlePromptBanditValuesStep(transform({ clawed }, ({ clawed }) => ({ reward_ids: clawed.revoked.map((reward) => reward.id) })))
    return new WorkflowResponse(
      transform({ released, clawed }, ({ released, clawed }): ReleaseReferralRewardsResult => ({
        ...released,
        revoked: released.revoked + clawed.revoked.length,
        failed: [...released.failed, ...clawed.failed],
      }))
    )
  }
)
