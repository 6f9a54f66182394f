import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateAlwaysArm, type LoggedDecision, OFF_POLICY_DEFAULTS } from "../../../ml/bandit"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService, OfferEvaluation } from "../../../types"
import { storeDefaultCurrency } from "../../attribution/utils/referrer-currency"

export const evaluateOfferPolicyStepId = "evaluate-offer-policy"

export type EvaluateOfferPolicyStepInput = {
  arm_id: string
  /** Null: the store's default currency. */
  currency_code: string | null
  /** Null: OFF_POLICY_DEFAULTS.minProbability. */
  min_probability: number | null
}

/**
 * Off-policy estimates of "always offer this arm" in one currency: the
 * prompts' realised net values (SQL, `listPromptValues`) weighed by the
 * probabilities the bandit logged (`evaluateAlwaysArm`). Pending prompts are
 * censored and counted, never guessed. Writes nothing.
 */
export const evaluateOfferPolicyStep = createStep(
  evaluateOfferPolicyStepId,
  async (input: EvaluateOfferPolicyStepInput, { container }): Promise<StepResponse<OfferEvaluation>> => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [arm] = await referrals.listIncentiveArms({ id: input.arm_id }, { take: 1, select: ["id"] })
    if (!arm) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer (incentive arm) ${input.arm_id} was not found`)
    }
    const [storeCurrency, settings] = await Promise.all([
      storeDefaultCurrency(container, "usd"),
      referrals.retrieveProgramSettings(),
    ])
    const currency_code = input.currency_code ?? storeCurrency
    const rows = await referrals.listPromptValues({
      currency_code,
      default_currency_code: storeCurrency,
      margin_rate: settings.expected_margin_rate,
    })
    const settled = rows.filter((row) => row.state === "settled")
    const logged = settled.filter((row) => row.probability !== null && row.probability > 0)
    const decisions: LoggedDecision[] = logged.map((row) => ({
      context_key: row.context_key,
      arm_id: row.arm_id,
      probability: Math.min(row.probability!, 1),
      reward: MathBN.convert(row.value).toNumber(),
    }))
    const estimate = evaluateAlwaysArm(decisions, input.arm_id, {
      minProbability: input.min_probability ?? OFF_POLICY_DEFAULTS.minProbability,
    })
    return new StepResponse({
      arm_id: input.arm_id,
      currency_code,
      logged: {
        prompts: estimate.n,
        matched: estimate.matched,
        pending: rows.length - settled.length,
        without_probability: settled.length - logged.length,
        percentage_rewards_unpriced: logged.filter((row) => row.percentage_reward_unpriced).length,
        other_currency: logged.filter((row) => row.other_currency).length,
      },
      current_policy_value: estimate.current_policy,
      ips: estimate.ips,
      snips: estimate.snips,
      dr: estimate.dr,
      effective_sample_size: estimate.effective_sample_size,
      clipped: estimate.clipped,
    })
  }
)
