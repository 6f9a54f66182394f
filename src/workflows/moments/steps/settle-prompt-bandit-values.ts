import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { offerSuccessWeight } from "../../../ml/bandit"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { averageOrderValues, DEFAULT_AVERAGE_ORDER_VALUE } from "../../../analytics/store-economics"
import { storeDefaultCurrency } from "../../attribution/utils/referrer-currency"

export const settlePromptBanditValuesStepId = "settle-prompt-bandit-values"

export type SettlePromptBanditValuesStepInput = {
  /** Referrals whose value may have become final (a reward issued, revoked, the referral rejected). */
  referral_ids?: (string | null)[]
  /** Or rewards, whose referrals are meant. */
  reward_ids?: string[]
}

type Changed = { prompt_id: string; previous: number | null }

/**
 * Teaches the bandit what the prompts behind these referrals realised, once
 * their value is final: each prompt's net value in its currency (the friend's
 * margin minus incentives paid, `listPromptValues`) as a success weight
 * against what one typical friend nets under the prompt's offer in that
 * currency (margin rate × average order, less the offer's expected cost logged
 * with the decision; see `offerSuccessWeight`). Prompts logged before that
 * cost was recorded are weighed against the bare margin, as they were then.
 * A prompt still pending (a reward held, issuing or being clawed back,
 * a referral in review) is left as it is; one settled before is moved by the
 * difference, so a clawback after issue turns its success into a loss.
 * Idempotent: an unchanged weight changes nothing. Compensation puts back the
 * weights from before.
 */
export const settlePromptBanditValuesStep = createStep(
  settlePromptBanditValuesStepId,
  async (input: SettlePromptBanditValuesStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const referralIds = new Set((input.referral_ids ?? []).filter((id): id is string => !!id))
    if (input.reward_ids?.length) {
      const rewards = await referrals.listReferralRewards({ id: input.reward_ids }, { select: ["referral_id"] })
      rewards.forEach((reward) => referralIds.add(reward.referral_id))
    }
    const prompts = referralIds.size
      ? await referrals.listReferralPrompts({ referral_id: [...referralIds], status: "converted" }, { select: ["id", "sampled"] })
      : []
    if (!prompts.length) {
      return new StepResponse<Changed[], Changed[]>([], [])
    }
    const [storeCurrency, settings, aovs] = await Promise.all([
      storeDefaultCurrency(container, "usd"),
      referrals.retrieveProgramSettings(),
      averageOrderValues(container),
    ])
    // A prompt is valued in the currency it was made in (its decision log's), never summed across currencies.
    const byCurrency = new Map<string, string[]>()
    const costs = new Map<string, number>()
    for (const prompt of prompts) {
      const sampled = prompt.sampled as { currency_code?: string; expected_cost?: number } | null
      const currency = (sampled?.currency_code || storeCurrency).toLowerCase()
      byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), prompt.id])
      costs.set(prompt.id, typeof sampled?.expected_cost === "number" ? Math.max(0, sampled.expected_cost) : 0)
    }
    const weights: { prompt_id: string; weight: number }[] = []
    for (const [currency, promptIds] of byCurrency) {
      const rows = await referrals.listPromptValues({
        currency_code: currency,
        default_currency_code: storeCurrency,
        margin_rate: settings.expected_margin_rate,
        prompt_ids: promptIds,
      })
      const margin = settings.expected_margin_rate * (aovs[currency] ?? DEFAULT_AVERAGE_ORDER_VALUE)
      for (const row of rows.filter((row) => row.state === "settled")) {
        const value = MathBN.convert(row.value).toNumber()
        // A store that sets no margin (or an offer costing all of it) has no scale: then only gain or loss counts.
        weights.push({ prompt_id: row.prompt_id, weight: offerSuccessWeight(value, margin, costs.get(row.prompt_id) ?? 0) })
      }
    }
    const changed = await referrals.setPromptBanditValues(weights)
    return new StepResponse(changed, changed)
  },
  async (changed, { container }) => {
    if (changed?.length) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .setPromptBanditValues(changed.map(({ prompt_id, previous }) => ({ prompt_id, weight: previous })))
    }
  }
)
