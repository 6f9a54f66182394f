import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { verifyUnsubscribeToken } from "../../../notifications"
import { unsubscribeSecret } from "../utils/referral-notification"

export const verifyUnsubscribeTokenStepId = "verify-unsubscribe-token"

/** The customer an ask's unsubscribe link was made for; a forged or mangled token is refused. */
export const verifyUnsubscribeTokenStep = createStep(
  verifyUnsubscribeTokenStepId,
  async (input: { token: string }, { container }) => {
    const customerId = verifyUnsubscribeToken(input.token, unsubscribeSecret(container))
    if (!customerId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This unsubscribe link is not valid. Use the link from your latest email.")
    }
    return new StepResponse(customerId)
  }
)
