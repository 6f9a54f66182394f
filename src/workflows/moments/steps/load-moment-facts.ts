import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { FEATURE_NAMES } from "../../../ml/propensity/features"
import { loadCustomerFeatures } from "../../../analytics/customer-features"
import { DAY_MS } from "../../../types"
import { TIMING_CYCLE_DAYS, WAITING_FOR_LATER_MOMENT } from "../../../rules/moment-timing"

export const loadMomentFactsStepId = "load-viral-moment-facts"

export type MomentTrigger = {
  customer_id: string
  /** What happened: `order.placed`, `delivery.created`, `review`, `nps`. */
  trigger: string
  /** The order, fulfillment or signal it happened to; one evaluation per trigger. */
  trigger_id: string
  order_id?: string | null
  review_score?: number | null
  nps_score?: number | null
  delivered?: boolean
  /** Reported by the shopper (`POST /store/referrals/signals`), not recorded by the store: see `applySelfReportedRule`. */
  self_reported?: boolean
}

const feature = (vector: number[], name: string) => vector[FEATURE_NAMES.indexOf(name as never)]

/**
 * What a viral moment is judged on: the customer's order history around the
 * triggering order, their recent sharing, when they were last asked, open
 * prompts and the store's prompts today. Reads only.
 */
export const loadMomentFactsStep = createStep(
  loadMomentFactsStepId,
  async (input: MomentTrigger, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const now = new Date()
    const monthAgo = new Date(now.getTime() - 30 * DAY_MS)
    const dayStart = new Date(now)
    dayStart.setUTCHours(0, 0, 0, 0)

    const [settings, experiments, customers, [[features], order, [lastPrompt], openPrompts, promptsThisMonth, storeToday, shares, [waiting]]] =
      await Promise.all([
        referrals.retrieveProgramSettings(),
        referrals.listReferralExperiments({ status: "running" }, { relations: ["variants"] }),
        query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: input.customer_id } }),
        Promise.all([
      loadCustomerFeatures(container, { as_of: new Date(now.getTime() + 1000), customer_ids: [input.customer_id] }),
      input.order_id ? orderOf(query, input.order_id) : Promise.resolve(null),
      referrals.listReferralPrompts({ customer_id: input.customer_id }, { order: { created_at: "DESC" }, take: 1 }),
      referrals.listReferralPrompts({ customer_id: input.customer_id, status: "open", expires_at: { $gt: now } }, { take: 1 }),
      referrals.listAndCountReferralPrompts({ customer_id: input.customer_id, created_at: { $gte: monthAgo } }, { take: 1 }),
      // Prompts of self-reported moments do not use up the store's cap (a fake-review burst cannot starve real asks).
      referrals.listAndCountReferralPrompts({ created_at: { $gte: dayStart }, self_reported: false }, { take: 1 }),
      referrals.listAndCountReferralTouches(
        { customer_id: input.customer_id, type: "share", created_at: { $gte: monthAgo } },
        { take: 1 }
      ),
      referrals.listViralMoments(
        { customer_id: input.customer_id, reason: WAITING_FOR_LATER_MOMENT, created_at: { $gte: new Date(now.getTime() - TIMING_CYCLE_DAYS * DAY_MS) } },
        { order: { created_at: "DESC" }, take: 1 }
      ),
        ]),
      ])
    const orderCount = features ? feature(features.vector, "order_count") : 0
    const totalSpent = features ? feature(features.vector, "total_spent") : 0
    const orderTotal = order?.total ?? null
    const previousAverage =
      input.order_id && orderTotal !== null && orderCount > 1 ? (totalSpent - orderTotal) / (orderCount - 1) : null

    return new StepResponse({
      signal_facts: {
        order_count_including_this: input.order_id ? orderCount : 0,
        order_total: orderTotal ?? undefined,
        previous_average_order_value: previousAverage,
        delivered: input.delivered ?? false,
        review_score: input.review_score ?? null,
        nps_score: input.nps_score ?? null,
        shares_last_30_days: shares[1],
      },
      suppression_facts: {
        open_prompt: openPrompts.length > 0,
        // Never below zero: a prompt written a moment ago can carry a timestamp a few ms ahead of this server's clock.
        days_since_last_prompt: lastPrompt ? Math.max(0, now.getTime() - new Date(lastPrompt.created_at).getTime()) / DAY_MS : null,
        prompts_last_30_days: promptsThisMonth[1],
        store_prompts_today: storeToday[1],
      },
      customer: {
        has_account: !!customers.data[0]?.has_account,
        order_count: orderCount,
        total_spent: totalSpent,
      },
      /** The moment kind an earlier moment is waiting for (learned timing), within its cycle; null if none. */
      waiting_for: ((waiting?.metadata as { timing?: { wait_for?: string } } | null)?.timing?.wait_for ?? null) as string | null,
      /** The triggering order, if the moment has one (a purchase): the bandit sizes a first order against the store's average in its currency. */
      order,
      settings,
      experiments: experiments.map((experiment) => ({
        id: experiment.id,
        dimension: experiment.dimension,
        variants: experiment.variants.map((v) => ({ key: v.key, kind: v.kind, arm_id: v.arm_id, weight: v.weight })),
      })),
    })
  }
)

async function orderOf(query: { graph: Function }, orderId: string): Promise<{ total: number; currency_code: string } | null> {
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "total", "currency_code"], filters: { id: orderId } })
  // The total is a BigNumber; the moment's arithmetic is in plain numbers of the order's currency.
  return order ? { total: Number(order.total), currency_code: String(order.currency_code).toLowerCase() } : null
}
