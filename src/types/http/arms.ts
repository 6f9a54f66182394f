import type { z } from "@medusajs/framework/zod"
import type { AdminCreateIncentiveArm, AdminUpdateIncentiveArm } from "../../api/admin/referrals/arms/validators"
import type { BanditStateDTO, IncentiveArmDTO } from "../referral"
import type { BanditContext } from "../../ml/bandit/context"

/** An offer as GET /admin/referrals/arms answers it, with the bandit's record and value model. */
export type AdminIncentiveArm = IncentiveArmDTO & {
  /** Over all contexts. */
  stats: Pick<BanditStateDTO, "pulls" | "successes" | "failures">
  /** Beta posterior of the conversion rate: mean and 95% credible interval. */
  posterior: { alpha: number; beta: number; mean: number; ci95: [number, number] }
  /** In the store's default currency; null when the arm lists no amount in it. */
  value: ArmValue | null
  /** Per currency the store sells in; null where the arm lists no amount (the offer is not made there). */
  value_by_currency: Record<string, ArmValue | null>
  /** What was learned per context, for each context with data (pulls or outcomes), in `allContexts` order. */
  contexts: ArmContextRecord[]
}

/**
 * An arm's record in one bandit context ("high|new_large|0"), and the Beta
 * posterior the bandit samples from there: the context's own outcomes pooled
 * toward the arm's global record (so a thin context shows mostly the global rate).
 */
export type ArmContextRecord = BanditContext &
  Pick<BanditStateDTO, "pulls" | "successes" | "failures"> & {
    context_key: string
    /** Posterior mean of the conversion rate. */
    mean: number
    /** Its 95% credible interval. */
    interval: [number, number]
  }

/** What a conversion under an arm is expected to cost, and an offer to net, in one currency. */
export type ArmValue = { expected_cost: number; expected_net_value: number }

/** The store's economics in one currency: never averaged across currencies. */
export type CurrencyEconomics = {
  currency_code: string
  average_order_value: number
  expected_margin_rate: number
  expected_margin: number
}

/** GET /admin/referrals/arms */
export type AdminIncentiveArmListResponse = {
  arms: AdminIncentiveArm[]
  count: number
  /** The store's default currency. */
  economics: CurrencyEconomics
  economics_by_currency: CurrencyEconomics[]
}

/** POST /admin/referrals/arms */
export type AdminCreateIncentiveArmPayload = z.input<typeof AdminCreateIncentiveArm>
/** POST /admin/referrals/arms/:id */
export type AdminUpdateIncentiveArmPayload = z.input<typeof AdminUpdateIncentiveArm>
export type AdminIncentiveArmResponse = { arm: IncentiveArmDTO }
