import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  createRewardPromotion,
  creditStoreCredit,
  type IssuedReward,
  type RewardToIssue,
  storeCreditService,
} from "./reward-channels"

export const issueReferralRewardStepId = "issue-referral-reward"

export type IssueReferralRewardStepInput = { reward: RewardToIssue; order_id: string | null }

export type IssueOutcome =
  | ({ outcome: "issued" } & IssuedReward)
  | { outcome: "revoked"; reason: "order_canceled" | "order_refunded" }

/**
 * Pays a claimed reward, unless the friend's order was canceled or fully
 * refunded during the hold, in which case nothing is paid and the reward is to
 * be revoked. Compensation takes the payment back.
 */
export const issueReferralRewardStep = createStep(
  issueReferralRewardStepId,
  async ({ reward, order_id }: IssueReferralRewardStepInput, { container }) => {
    const standing = await orderStanding(container, order_id)
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

async function orderStanding(
  container: Parameters<typeof storeCreditService>[0],
  orderId: string | null
): Promise<"order_canceled" | "order_refunded" | null> {
  if (!orderId) {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "status", "payment_status"],
    filters: { id: orderId },
  })
  if (!order || order.status === "canceled") {
    return "order_canceled"
  }
  return order.payment_status === "refunded" ? "order_refunded" : null
}
