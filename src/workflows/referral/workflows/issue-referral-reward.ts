import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { claimReferralRewardStep } from "../steps/claim-referral-reward"
import { finishReferralRewardStep } from "../steps/finish-referral-reward"
import { issueReferralRewardStep } from "../steps/issue-referral-reward"

export const issueReferralRewardWorkflowId = "issue-referral-reward"

/**
 * Issues one held reward whose time has come: claim it, pay it (store credit or
 * a single-use code) unless the order was canceled or refunded meanwhile, and
 * record the result. Answers null when another run already took the reward.
 */
export const issueReferralRewardWorkflow = createWorkflow(
  issueReferralRewardWorkflowId,
  (input: { reward_id: string }) => {
    const reward = claimReferralRewardStep(input)

    const result = when("reward-claimed", { reward }, ({ reward }) => !!reward).then(() => {
      const issued = issueReferralRewardStep(
        transform({ reward }, ({ reward }) => ({
          reward: {
            id: reward!.id,
            customer_id: reward!.customer_id!,
            amount: Number(reward!.amount),
            currency_code: reward!.currency_code,
            kind: reward!.kind,
            metadata: reward!.metadata,
          },
          order_id: reward!.referral?.order_id ?? null,
        }))
      )
      const result = finishReferralRewardStep(
        transform({ reward, issued }, ({ reward, issued }) => ({
          reward_id: reward!.id,
          referral_id: reward!.referral!.id,
          result: issued,
        }))
      )
      emitEventStep({
        eventName: transform({ result }, ({ result }) =>
          result.outcome === "issued" ? ReferralEvents.REWARD_ISSUED : ReferralEvents.REWARD_REVOKED
        ),
        data: transform({ reward }, ({ reward }) => ({ id: reward!.id })),
      })
      return result
    })

    const outcome = transform({ result }, ({ result }) => result ?? null)
    // Lets a store add to the payout, e.g. notify the referrer with the reward code.
    const rewardSettled = createHook("rewardSettled", { reward_id: input.reward_id, result: outcome })
    return new WorkflowResponse(outcome, { hooks: [rewardSettled] })
  }
)
