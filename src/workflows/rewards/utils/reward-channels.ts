import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { generateReferralCode } from "../../../rules/referral-code-format"
import { rewardCodeTerms } from "./reward-code-terms"

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
  listAccountTransactions(
    filters: Record<string, unknown>,
    config?: { select?: string[]; take?: number }
  ): Promise<{ id: string; amount?: number }[]>
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

/**
 * Credits the reward, or answers the credit an earlier, interrupted run of the
 * same reward already made (the ledger row carries the reward's id), so a
 * reward reclaimed after a crash is never credited twice.
 */
export async function creditStoreCredit(
  service: StoreCreditService,
  reward: RewardToIssue
): Promise<IssuedReward> {
  const [paid] = await service.listAccountTransactions(
    { reference: STORE_CREDIT_REFERENCE, reference_id: reward.id, type: "credit" },
    { select: ["id"], take: 1 }
  )
  if (paid) {
    return { kind: "store_credit", external_reference: paid.id }
  }
  const [existing] = await service.listStoreCreditAccounts({
    customer_id: reward.customer_id,
    currency_code: reward.currency_code,
  })
  const account = existing ?? (await openStoreCreditAccount(service, reward))
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

/**
 * Whether the referrer holds a payment for this reward: a live store-credit
 * ledger row for it, or the single-use code reserved for it. A claim whose
 * payment could not be taken back must not return to `held`.
 */
export async function rewardPaymentExists(container: MedusaContainer, rewardId: string): Promise<boolean> {
  const storeCredit = storeCreditService(container)
  if (storeCredit) {
    const [paid] = await storeCredit.listAccountTransactions(
      { reference: STORE_CREDIT_REFERENCE, reference_id: rewardId, type: "credit" },
      { select: ["id"], take: 1 }
    )
    if (paid) {
      return true
    }
  }
  const reward = await container
    .resolve<IReferralModuleService>(REFERRAL_MODULE)
    .retrieveReferralReward(rewardId, { select: ["metadata"] })
  const code = reward.metadata?.reserved_code
  if (typeof code !== "string" || !code) {
    return false
  }
  const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ code }, { select: ["id"], take: 1 })
  return !!promotion
}

export const STORE_CREDIT_CLAWBACK_REFERENCE = "referral_reward_clawback"

/**
 * Takes issued credit back, as far as the balance still allows; answers what
 * was debited. The debit carries the reward's id, so a clawback retried after
 * a failure (or redelivered) finds the debit it made and never debits twice.
 */
export async function debitStoreCredit(
  service: StoreCreditService,
  reward: RewardToIssue
): Promise<number> {
  const [debited] = await service.listAccountTransactions(
    { reference: STORE_CREDIT_CLAWBACK_REFERENCE, reference_id: reward.id, type: "debit" },
    { select: ["id", "amount"], take: 1 }
  )
  if (debited) {
    return MathBN.convert(debited.amount ?? 0).toNumber()
  }
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
      reference: STORE_CREDIT_CLAWBACK_REFERENCE,
      reference_id: reward.id,
      note: "Referral reward clawed back",
    },
  ])
  return amount.toNumber()
}

/**
 * A single-use code worth the reward, for the referrer only and until it
 * expires (see reward-code-terms). The code is chosen once per reward and
 * kept on it (`metadata.reserved_code`, not shown to the referrer until the
 * reward is issued) before the promotion exists, so a run reclaimed
 * after a crash finds the promotion an earlier run created instead of making a
 * second one; promotion codes are unique, so two runs can't both create it.
 */
export async function createRewardPromotion(
  container: MedusaContainer,
  reward: RewardToIssue
): Promise<IssuedReward> {
  const promotions = container.resolve(Modules.PROMOTION)
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const percentage = reward.metadata?.promotion_type === "percentage"
  const code = await reserveRewardCode(container, reward)
  const [existing] = await promotions.listPromotions({ code }, { select: ["id"], take: 1 })
  if (existing) {
    return { kind: "promotion", external_reference: existing.id, code }
  }
  const { reward_code_expiry_days } = await referrals.retrieveProgramSettings()
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
      ...rewardCodeTerms(reward, reward_code_expiry_days, new Date()),
    },
  ])
  return { kind: "promotion", external_reference: promotion.id, code }
}

/** The reward's code: the one kept on it by an earlier run, or a new one, kept now. */
async function reserveRewardCode(container: MedusaContainer, reward: RewardToIssue): Promise<string> {
  const kept = reward.metadata?.reserved_code
  if (typeof kept === "string" && kept) {
    return kept
  }
  const code = generateReferralCode("THANKS")
  await container
    .resolve<IReferralModuleService>(REFERRAL_MODULE)
    .updateReferralRewards({ id: reward.id, metadata: { ...(reward.metadata ?? {}), reserved_code: code } })
  return code
}

/**
 * Opens the referrer's account for the reward's currency. Two releases paying
 * the same new referrer at once (two server instances, or the worker's job and
 * the admin route) both find no account; the loyalty plugin allows one per
 * customer and currency, so the slower insert fails and uses the winner's.
 */
async function openStoreCreditAccount(service: StoreCreditService, reward: RewardToIssue): Promise<{ id: string }> {
  const owner = { customer_id: reward.customer_id, currency_code: reward.currency_code }
  try {
    const [created] = await service.createStoreCreditAccounts([{ ...owner, code: generateReferralCode("SC") }])
    return created
  } catch (error) {
    const [winner] = await service.listStoreCreditAccounts(owner)
    if (winner) {
      return winner
    }
    throw error
  }
}
