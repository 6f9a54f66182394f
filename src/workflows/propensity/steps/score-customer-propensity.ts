import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { scorePropensity } from "../utils/score-propensity"

export const scoreCustomerPropensityStepId = "score-customer-propensity"

/** Scores customers; a customer that does not exist (or has no account) is a 404. */
export const scoreCustomerPropensityStep = createStep(
  scoreCustomerPropensityStepId,
  async (input: { customer_ids: string[] }, { container }) => {
    const scores = await scorePropensity(container, input.customer_ids)
    const missing = input.customer_ids.filter((id) => !scores.some((score) => score.customer_id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${missing.join(", ")} was not found`)
    }
    return new StepResponse(scores)
  }
)
