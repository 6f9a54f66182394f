import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listDueReferralRewardsStep } from "../steps/list-due-referral-rewards"
import { reclaimStalledReferralRewardsStep } from "../steps/reclaim-stalled-referral-rewards"
import { issueReferralRewardWorkflow } from "./issue-referral-reward"

export const releaseReferralRewardsWorkflowId = "release-referral-rewards"

export type ReleaseReferralRewardsResult = { issued: number; revoked: number; skipped: number; failed: string[] }

/**
 * Runs each due reward through its own issue workflow, so one failing reward
 * (say, a promotion that can't be created) neither blocks nor rolls back the
 * others; it stays held and is retried on the next run.
 */
const issueDueRewardsStep = createStep(
  "issue-due-referral-rewards",
  async (rewardIds: string[], { container }) => {
    const summary: ReleaseReferralRewardsResult = { issued: 0, revoked: 0, skipped: 0, failed: [] }
    for (const reward_id of rewardIds) {
      const { result, errors } = await issueReferralRewardWorkflow(container).run({
        input: { reward_id },
        throwOnError: false,
      })
      if (errors?.length) {
        summary.failed.push(reward_id)
      } else if (!result) {
        summary.skipped++
      } else {
        summary[result.outcome]++
      }
    }
    return new StepResponse(summary)
  }
)

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
    return new WorkflowResponse(issueDueRewardsStep(due))
  }
)
