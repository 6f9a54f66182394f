import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { generateReferralCode } from "../../../utils/referral-code-format"

/**
 * The two ways a referrer is paid. Store credit goes through the official
 * loyalty plugin's `store_credit` module when the store has it installed (an
 * optional peer); otherwise, and for discount-code rewards, the referrer gets a
 * single-use Medusa promotion code.
 */
export const STORE_CREDIT_MODULE = "store_credit"
export const STORE_CREDIT_REFERENCE = "referral_reward"

type StoreCreditService = {
  listStoreCreditAccounts(filters: Record<string, unknown>): Promise<{ id: string; balance?: number }[]>
  createStoreCreditAccounts(data: Record<string, unknown>[]): Promise<{ id: string }[]>
  creditAccounts(data: Record<string, unknown>[]): Promise<{ id: string }[]>
  debitAccounts(data: Record<string, unknown>[]): Promise<{ id: string }[]>
  deleteTransactions(ids: string[]): Promise<void>
}

export function storeCreditService(container: MedusaContainer): StoreCreditService | null {
  return container.hasRegistration(STORE_CREDIT_MODULE)
    ? container.resolve<StoreCreditService>(STORE_CREDIT_MODULE)
    : null
}

export type RewardToIssue = {
  id: string
  customer_id: string
  amount: number
  currency_code: string
  kind: "store_credit" | "promotion" | "discount"
  metadata?: Record<string, unknown> | null
}

export type IssuedReward = { kind: "store_credit" | "promotion"; external_reference: string; code?: string }

export async function creditStoreCredit(
  service: StoreCreditService,
  reward: RewardToIssue
): Promise<IssuedReward> {
  const [existing] = await service.listStoreCreditAccounts({
    customer_id: reward.customer_id,
    currency_code: reward.currency_code,
  })
  const account =
    existing ??
    (
      await service.createStoreCreditAccounts([
        {
          customer_id: reward.customer_id,
          currency_code: reward.currency_code,
          code: generateReferralCode("SC"),
        },
      ])
    )[0]
  const [transaction] = await service.creditAccounts([
    {
      account_id: account.id,
      amount: reward.amount,
      reference: STORE_CREDIT_REFERENCE,
      reference_id: reward.id,
      note: "Referral reward",
    },
  ])
  return { kind: "store_credit", external_reference: transaction.id }
}

/** Takes issued credit back, as far as the balance still allows; answers what was debited. */
export async function debitStoreCredit(
  service: StoreCreditService,
  reward: RewardToIssue
): Promise<number> {
  const [account] = await service.listStoreCreditAccounts({
    customer_id: reward.customer_id,
    currency_code: reward.currency_code,
  })
  if (!account) {
    return 0
  }
  const balance = MathBN.convert(account.balance ?? 0)
  const amount = MathBN.min(balance, reward.amount)
  if (MathBN.lte(amount, 0)) {
    return 0
  }
  await service.debitAccounts([
    {
      account_id: account.id,
      amount: amount.toNumber(),
      reference: "referral_reward_clawback",
      reference_id: reward.id,
      note: "Referral reward clawed back",
    },
  ])
  return amount.toNumber()
}

export async function createRewardPromotion(
  container: MedusaContainer,
  reward: RewardToIssue
): Promise<IssuedReward> {
  const promotions = container.resolve(Modules.PROMOTION)
  const percentage = reward.metadata?.promotion_type === "percentage"
  const code = generateReferralCode("THANKS")
  const [promotion] = await promotions.createPromotions([
    {
      code,
      type: "standard",
      status: "active",
      is_automatic: false,
      limit: 1,
      application_method: percentage
        ? { type: "percentage", target_type: "order", allocation: "across", value: reward.amount }
        : {
            type: "fixed",
            target_type: "order",
            allocation: "across",
            value: reward.amount,
            currency_code: reward.currency_code,
          },
      metadata: { referral_reward_id: reward.id },
    },
  ])
  return { kind: "promotion", external_reference: promotion.id, code }
}
