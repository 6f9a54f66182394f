import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueDueReferralRewardsStep } from "../steps/issue-due-referral-rewards"
import { listDueReferralRewardsStep } from "../steps/list-due-referral-rewards"
import { reclaimStalledReferralRewardsStep } from "../steps/reclaim-stalled-referral-rewards"

export const releaseReferralRewardsWorkflowId = "release-referral-rewards"

export type { ReleaseReferralRewardsResult } from "../steps/issue-due-referral-rewards"

/**
 * The hourly release: every held reward past its hold is issued or, if its
 * order fell through, revoked. Rewards an earlier run left `issuing` past the
 * lease (it crashed mid-issue) are taken back first and paid with the rest.
 */
export const releaseReferralRewardsWorkflow = createWorkflow(
  releaseReferralRewardsWorkflowId,
  (input: { now?: Date; limit?: number }) => {
    reclaimStalledReferralRewardsStep(input)
    const due = listDueReferralRewardsStep(input)
    return new WorkflowResponse(issueDueReferralRewardsStep(due))
  }
)
