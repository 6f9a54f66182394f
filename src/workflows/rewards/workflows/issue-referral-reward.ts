import {
  createHook,
  createWorkflow,
  type Hook,
  transform,
  when,
  type WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { claimReferralRewardStep } from "../steps/claim-referral-reward"
import { findFallenThroughOrderStep } from "../steps/find-fallen-through-order"
import { finishReferralRewardStep } from "../steps/finish-referral-reward"
import { issueReferralRewardStep, type IssueOutcome } from "../steps/issue-referral-reward"
import { settlePromptBanditValuesStep } from "../../moments/steps/settle-prompt-bandit-values"
import { reverseReferralOrderWorkflow } from "./reverse-referral-order"

export const issueReferralRewardWorkflowId = "issue-referral-reward"

export type RewardIssuedHookInput = {
  reward_id: string
  customer_id: string
  amount: number
  currency_code: string
  /** What the referrer got: `store_credit` (a ledger credit) or `promotion` (a single-use code). */
  kind: "store_credit" | "promotion"
  /** The store-credit transaction's or the promotion's id. */
  external_reference: string
  /** The single-use code, for promotion rewards. */
  code: string | null
}

/**
 * Issues one held reward whose time has come: claim it, pay it (store credit or
 * a single-use code) unless the order was canceled or refunded meanwhile, and
 * record the result; if the order fell through while it was being paid, claw
 * it back right after. Answers null when another run already took the reward.
 *
 * Hooks, for store developers:
 * - `rewardIssued` runs right after the referrer was paid, before the reward is
 *   recorded as issued, and only for paid rewards: a handler that throws undoes
 *   the payment (credit removed, code deleted) and leaves the reward `held` for
 *   the next release, so a store can make a payout depend on its own system
 *   (an ERP booking, a fraud check). Give the handler a compensation function
 *   if it writes anything of its own.
 * - `rewardSettled` runs at the end, for issued and revoked rewards alike.
 */
export const issueReferralRewardWorkflow = createWorkflow(
  issueReferralRewardWorkflowId,
  (input: { reward_id: string }) => {
    const reward = claimReferralRewardStep(input)

    const issued = when("reward-claimed", { reward }, ({ reward }) => !!reward).then(() =>
      issueReferralRewardStep(
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
    )

    const paid = transform({ reward, issued }, ({ reward, issued }): RewardIssuedHookInput | null =>
      reward && issued?.outcome === "issued"
        ? {
            reward_id: reward.id,
            customer_id: reward.customer_id!,
            amount: Number(reward.amount),
            currency_code: reward.currency_code,
            kind: issued.kind,
            external_reference: issued.external_reference,
            code: issued.code ?? null,
          }
        : null
    )
    // A hook can't be what a `when` answers, so it is kept from inside the branch.
    let rewardIssued!: Hook<"rewardIssued", WorkflowData<RewardIssuedHookInput>, unknown>
    when("reward-paid", { paid }, ({ paid }) => !!paid).then(() => {
      rewardIssued = createHook(
        "rewardIssued",
        transform({ paid }, ({ paid }) => paid!)
      )
    })

    const result = when("reward-claimed-to-settle", { reward }, ({ reward }) => !!reward).then(() => {
      const result = finishReferralRewardStep(
        transform({ reward, issued }, ({ reward, issued }) => ({
          reward_id: reward!.id,
          referral_id: reward!.referral!.id,
          result: issued as IssueOutcome,
        }))
      )
      // Paid after the hold (or revoked): the prompt that brought the friend has its final value.
      settlePromptBanditValuesStep(transform({ reward }, ({ reward }) => ({ referral_ids: [reward!.referral!.id] })))
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

    // A cancel or refund that came while the reward was being paid found it `issuing` and left it to
    // this run: the order is read again now that the payment is recorded, and a fallen order claws it back.
    const fallen = when("reward-issued", { outcome }, ({ outcome }) => outcome?.outcome === "issued").then(() =>
      findFallenThroughOrderStep(
        transform({ reward }, ({ reward }) => ({ order_id: reward!.referral?.order_id ?? null }))
      )
    )
    when("order-fell-through-while-issuing", { fallen }, ({ fallen }) => !!fallen).then(() => {
      reverseReferralOrderWorkflow.runAsStep({ input: transform({ fallen }, ({ fallen }) => fallen!) })
    })
    return new WorkflowResponse(outcome, { hooks: [rewardIssued, rewardSettled] })
  }
)
