import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type AskMoment, type BanditContext, chooseArm, contextKey, VALUE_TIER_DEFAULTS, valueTier } from "../../../ml/bandit"
import { fnv1a } from "../../../ml/hash"
import { mulberry32 } from "../../../ml/random"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { GLOBAL_CONTEXT } from "../../../modules/referral/service"
import type { IReferralModuleService } from "../../../types"
import { expectedOfferCost } from "../../../rules/offer-cost"
import { averageOrderValues, customerSpendIn, DEFAULT_AVERAGE_ORDER_VALUE } from "../../../analytics/store-economics"
import { referrerCurrency, storeDefaultCurrency } from "../../attribution/utils/referrer-currency"

export const chooseIncentiveArmStepId = "choose-incentive-arm"

export type ChooseIncentiveArmStepInput = {
  customer_id: string
  /** Seeds the sampler, so a decision can be replayed. */
  moment_id: string
  propensity_band: "high" | "medium" | "low"
  /** Counting the current order, if the moment has one. */
  order_count: number
  /** Asked right after a purchase, or at a later moment (delivery, a review, an NPS answer). */
  ask_moment: AskMoment
  /** The current order at a purchase (null at later moments): its total, in its currency. */
  order_total: number | null
  order_currency: string | null
  expected_margin_rate: number
  /** A fixed-offer experiment variant: this arm, no sampling. */
  fixed_arm_id?: string | null
}

export type IncentiveChoice = {
  arm_id: string
  context: BanditContext
  context_key: string
  /** The decision log: the draws and posteriors, or that an experiment fixed the arm. */
  sampled: Record<string, unknown>
  probability: number
}

/**
 * Picks the offer for this customer with cost-aware Thompson sampling over the
 * active arms, in the customer's context (propensity band × value tier ×
 * super-connector), pooled toward each arm's global record. A first-time
 * buyer's tier is their first order's size against the store's average order
 * in that order's currency, and whether they are asked at the purchase or
 * later (see `valueTier`). Answers the arm
 * and the decision log (context, draws, probability of the choice). A
 * fixed-offer experiment variant skips the sampling, unless its offer was withdrawn.
 * An offer the customer's code already carries is kept, without sampling,
 * while a prompt that shared it is within its window (`heldOffer`): a friend
 * who opens that message gets what it promised, and both sides of the
 * referral come from that one offer.
 * The counts are settled prompts' fractional outcomes (realised value, see
 * `settlePromptBanditValuesStep`) and open prompts as failures in proportion
 * to the share of their window passed (censoring).
 */
export const chooseIncentiveArmStep = createStep(
  chooseIncentiveArmStepId,
  async (input: ChooseIncentiveArmStepInput, { container }): Promise<StepResponse<IncentiveChoice>> => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    let arms = await referrals.listIncentiveArms({ active: true })
    if (!arms.length) {
      arms = await referrals.listIncentiveArms({ is_default: true }, { take: 1 })
    }
    const [network] = await referrals.listCustomerNetworks({ customer_id: input.customer_id }, { take: 1 })
    // Everything in the currency the customer shops in (the current order's, else their last order's):
    // what they spent, a typical order, what an offer costs.
    const [storeCurrency, lastOrderCurrency, aovs] = await Promise.all([
      storeDefaultCurrency(container, "usd"),
      referrerCurrency(container, input.customer_id, ""),
      averageOrderValues(container),
    ])
    const currency = input.order_currency?.toLowerCase() || lastOrderCurrency || storeCurrency
    const spent = await customerSpendIn(container, input.customer_id, currency)
    const aov = aovs[currency] ?? DEFAULT_AVERAGE_ORDER_VALUE
    // The VIP spend threshold is set for the store's currency; other currencies scale it by their typical order.
    const vipMinSpent = (VALUE_TIER_DEFAULTS.vipMinSpent * aov) / (aovs[storeCurrency] ?? DEFAULT_AVERAGE_ORDER_VALUE)
    // The order a first-time buyer's tier is sized by (returning customers' tiers ignore it): the current one at a
    // purchase; at a later moment their spend in its currency (their one order). Only compared with the average in that currency.
    const orderTotal = input.order_total ?? (input.order_count > 0 ? spent : null)
    const context: BanditContext = {
      propensity_band: input.propensity_band,
      value_tier: valueTier(
        { orderCount: input.order_count, totalSpent: spent, firstOrderTotal: orderTotal, averageOrderValue: aov, moment: input.ask_moment },
        { vipMinSpent }
      ),
      // From the last network computation: super-connectors get posteriors of their own.
      super_connector: !!network?.super_connector,
    }
    const key = contextKey(context)
    // Only offers that list amounts in the customer's currency can be made; if none does, all stay in play unpriced.
    const priced = arms.map((arm) => ({ arm_id: arm.id, expected_cost: expectedOfferCost(arm, aov, currency, storeCurrency) }))
    const offerable = priced.filter((arm): arm is { arm_id: string; expected_cost: number } => arm.expected_cost !== null)
    const candidates = offerable.length ? offerable : priced.map((arm) => ({ ...arm, expected_cost: 0 }))
    // Logged with the decision: the bandit weighs the prompt's realised value against the margin net of it.
    const costOf = (armId: string) => candidates.find((arm) => arm.arm_id === armId)?.expected_cost ?? 0
    const held = await heldOffer(referrals, input.customer_id, candidates.map((arm) => arm.arm_id))
    if (held) {
      return new StepResponse({
        arm_id: held.arm_id,
        context,
        context_key: key,
        sampled: {
          held_offer: { prompt_id: held.prompt_id, until: held.until.toISOString() },
          expected_cost: costOf(held.arm_id),
          currency_code: currency,
          order_total: orderTotal,
          average_order_value: aov,
        },
        probability: 1,
      })
    }
    // Settled outcomes plus open prompts as censored failures (the share of their window passed).
    const evidence = await referrals.listBanditEvidence({
      arm_ids: candidates.map((arm) => arm.arm_id),
      context_keys: [key, GLOBAL_CONTEXT],
      global_key: GLOBAL_CONTEXT,
      now: new Date(),
    })
    const counts = (armId: string, context_key: string) => {
      const row = evidence.find((state) => state.arm_id === armId && state.context_key === context_key)
      return { successes: row?.successes ?? 0, failures: (row?.failures ?? 0) + (row?.censored ?? 0) }
    }
    if (input.fixed_arm_id) {
      // An experiment's offer that has since been withdrawn gives way to the default offer.
      const fixed = arms.find((arm) => arm.id === input.fixed_arm_id) ?? (await defaultArm(referrals, arms))
      return new StepResponse({
        arm_id: fixed.id,
        context,
        context_key: key,
        sampled: {
          fixed_arm: true,
          expected_cost: costOf(fixed.id),
          currency_code: currency,
          order_total: orderTotal,
          ...(fixed.id !== input.fixed_arm_id ? { withdrawn_arm_id: input.fixed_arm_id } : {}),
          average_order_value: aov,
        },
        probability: 1,
      })
    }
    const choice = chooseArm({
      arms: candidates,
      stats: candidates.map((arm) => ({ arm_id: arm.arm_id, context: counts(arm.arm_id, key), global: counts(arm.arm_id, GLOBAL_CONTEXT) })),
      expectedMargin: input.expected_margin_rate * aov,
      rand: mulberry32(fnv1a(input.moment_id)),
    })
    return new StepResponse({
      arm_id: choice.arm_id,
      context,
      context_key: key,
      sampled: {
        draws: choice.sampled,
        posteriors: choice.context_posteriors,
        expected_cost: costOf(choice.arm_id),
        censored: Object.fromEntries(
          evidence.filter((row) => row.context_key === key && row.censored > 0).map((row) => [row.arm_id, row.censored])
        ),
        currency_code: currency,
        average_order_value: aov,
        order_total: orderTotal,
        ...(offerable.length ? {} : { unpriced: true }),
      },
      probability: choice.probability,
    })
  }
)

/**
 * The offer on the customer's code while a prompt made with it is still open
 * to friends (before its `expires_at`, the attribution window from the ask),
 * if it can still be made. One Medusa promotion stands behind a code, so a new
 * offer would change what every link already shared gives; it changes only
 * once no shared prompt is running (and at once when an admin withdraws it).
 * Experiments' fixed offers wait too: a promise to a friend comes first.
 */
async function heldOffer(
  referrals: IReferralModuleService,
  customerId: string,
  offerable: string[]
): Promise<{ arm_id: string; prompt_id: string; until: Date } | null> {
  const [code] = await referrals.listReferralCodes({ customer_id: customerId }, { take: 1, select: ["arm_id"] })
  if (!code?.arm_id || !offerable.includes(code.arm_id)) {
    return null
  }
  const [prompt] = await referrals.listReferralPrompts(
    { customer_id: customerId, arm_id: code.arm_id, expires_at: { $gt: new Date() } },
    { order: { expires_at: "DESC" }, take: 1, select: ["id", "expires_at"] }
  )
  return prompt ? { arm_id: code.arm_id, prompt_id: prompt.id, until: new Date(prompt.expires_at) } : null
}

async function defaultArm<T extends { id: string; is_default: boolean }>(
  referrals: IReferralModuleService,
  active: T[]
): Promise<{ id: string }> {
  const listed = active.find((arm) => arm.is_default)
  if (listed) {
    return listed
  }
  const [stored] = await referrals.listIncentiveArms({ is_default: true }, { take: 1, select: ["id"] })
  return stored
}
