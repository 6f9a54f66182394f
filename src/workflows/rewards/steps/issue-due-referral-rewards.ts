import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { issueReferralRewardWorkflow } from "../workflows/issue-referral-reward"

export const issueDueReferralRewardsStepId = "issue-due-referral-rewards"

export type ReleaseReferralRewardsResult = { issued: number; revoked: number; skipped: number; failed: string[] }

/**
 * Runs each due reward through its own issue workflow, so one failing reward
 * (say, a promotion that can't be created) neither blocks nor rolls back the
 * others; it stays held and is retried on the next run. Writes nothing itself:
 * each issue workflow commits or compensates on its own.
 */
export const issueDueReferralRewardsStep = createStep(
  issueDueReferralRewardsStepId,
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
