import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import {
  createRewardPromotion,
  creditStoreCredit,
  type IssuedReward,
  type RewardToIssue,
  storeCreditService,
} from "../utils/reward-channels"
import { orderFate, type OrderFate } from "../utils/order-standing"
import { rewardCampaignIdentifier } from "../utils/reward-code-terms"

export const issueReferralRewardStepId = "issue-referral-reward"

export type IssueReferralRewardStepInput = { reward: RewardToIssue; order_id: string | null }

export type IssueOutcome =
  | ({ outcome: "issued" } & IssuedReward)
  | { outcome: "revoked"; reason: OrderFate }

type PaymentToUndo = { reward_id: string; kind: IssuedReward["kind"]; external_reference: string }

/**
 * Pays a claimed reward, unless the friend's order was canceled or fully
 * refunded during the hold, in which case nothing is paid and the reward is to
 * be revoked. Paying is idempotent per reward (see reward-channels), so a run
 * that takes over a reward an interrupted run left `issuing` reuses what that
 * run paid. Compensation takes the payment back.
 */
export const issueReferralRewardStep = createStep(
  issueReferralRewardStepId,
  async ({ reward, order_id }: IssueReferralRewardStepInput, { container }) => {
    const standing = order_id ? await orderFate(container, order_id) : null
    if (standing) {
      return new StepResponse<IssueOutcome, PaymentToUndo | null>({ outcome: "revoked", reason: standing }, null)
    }
    const storeCredit = storeCreditService(container)
    const issued =
      reward.kind === "store_credit" && storeCredit
        ? await creditStoreCredit(storeCredit, reward)
        : await createRewardPromotion(container, reward)
    return new StepResponse<IssueOutcome, PaymentToUndo>(
      { outcome: "issued", ...issued },
      { reward_id: reward.id, kind: issued.kind, external_reference: issued.external_reference }
    )
  },
  async (payment, { container }) => {
    if (!payment) {
      return
    }
    // A run that outlived its lease must not take back a payment another run has since recorded as issued.
    const reward = await container
      .resolve<IReferralModuleService>(REFERRAL_MODULE)
      .retrieveReferralReward(payment.reward_id, { select: ["status", "external_reference"] })
    if (reward.status === "issued" && reward.external_reference === payment.external_reference) {
      return
    }
    if (payment.kind === "store_credit") {
      // The balance is the sum of the ledger, so removing the credit restores it exactly.
      await storeCreditService(container)?.deleteTransactions([payment.external_reference])
    } else {
      const promotions = container.resolve(Modules.PROMOTION)
      await promotions.deletePromotions([payment.external_reference])
      // The code's campaign (its expiry) was made for it alone.
      const campaigns = await promotions.listCampaigns(
        { campaign_identifier: [rewardCampaignIdentifier(payment.reward_id)] },
        { select: ["id"] }
      )
      if (campaigns.length) {
        await promotions.deleteCampaigns(campaigns.map((campaign) => campaign.id))
      }
    }
  }
)
