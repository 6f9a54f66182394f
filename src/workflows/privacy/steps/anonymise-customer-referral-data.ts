import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const anonymiseCustomerReferralDataStepId = "anonymise-customer-referral-data"

/**
 * Removes the customer's personal data from the plugin's tables (see
 * `lib/erasure`): friend email, IP network, visitor ids, prompt and message
 * texts, the origins of their carts. No compensation: erased data is not kept anywhere to be put back,
 * which is why this is the workflow's last write.
 */
export const anonymiseCustomerReferralDataStep = createStep(
  anonymiseCustomerReferralDataStepId,
  async (input: { customer_id: string; emails: string[]; cart_ids: string[] }, { container }) => {
    const anonymised = await container
      .resolve<IReferralModuleService>(REFERRAL_MODULE)
      .anonymiseCustomer(input.customer_id, input.emails, input.cart_ids)
    return new StepResponse(anonymised)
  }
)
