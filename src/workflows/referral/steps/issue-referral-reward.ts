import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  createRewardPromotion,
  creditStoreCredit,
  type IssuedReward,
  type RewardToIssue,
  storeCreditService,
} from "./reward-channels"
import { orderFate, type OrderFate } from "../utils/order-standing"

export const issueReferralRewardStepId = "issue-referral-reward"

export type IssueReferralRewardStepInput = { reward: RewardToIssue; order_id: string | null }

export type IssueOutcome =
  | ({ outcome: "issued" } & IssuedReward)
  | { outcome: "revoked"; reason: OrderFate }

/**
 * Pays a claimed reward, unless the friend's order was canceled or fully
 * refunded during the hold, in which case nothing is paid and the reward is to
 * be revoked. Compensation takes the payment back.
 */
export const issueReferralRewardStep = createStep(
  issueReferralRewardStepId,
  async ({ reward, order_id }: IssueReferralRewardStepInput, { container }) => {
    const standing = order_id ? await orderFate(container, order_id) : null
    if (standing) {
      return new StepResponse<IssueOutcome, IssueOutcome | null>({ outcome: "revoked", reason: standing }, null)
    }
    const storeCredit = storeCreditService(container)
    const issued =
      reward.kind === "store_credit" && storeCredit
        ? await creditStoreCredit(storeCredit, reward)
        : await createRewardPromotion(container, reward)
    const outcome: IssueOutcome = { outcome: "issued", ...issued }
    return new StepResponse<IssueOutcome, IssueOutcome | null>(outcome, outcome)
  },
  async (outcome, { container }) => {
    if (!outcome || outcome.outcome !== "issued") {
      return
    }
    if (outcome.kind === "store_credit") {
      await storeCreditService(container)?.deleteTransactions([outcome.external_reference])
    } else {
      await container.resolve(Modules.PROMOTION).deletePromotions([outcome.external_reference])
    }
  }
)
