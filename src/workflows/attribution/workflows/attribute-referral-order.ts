import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { convertReferralStep } from "../steps/convert-referral"
import { detectReferralFraudStep } from "../steps/detect-referral-fraud"
import { ensureOrderReferralStep } from "../steps/ensure-order-referral"
import { setReferralOfferStep } from "../steps/set-referral-offer"
import { settleReferrerPromptStep } from "../steps/settle-referrer-prompt"
import { CONVERSION_OUTCOME_STATUSES } from "../../../types"

export const attributeReferralOrderWorkflowId = "attribute-referral-order"

/**
 * On `order.placed`: if the order redeemed a referral code, convert the
 * referral, record what the friend saved and hold the referrer's reward until
 * the return window has passed. A referral the fraud rules flag goes to review
 * instead, with the flags explaining why. Safe to run again for the same order.
 */
export const attributeReferralOrderWorkflow = createWorkflow(
  attributeReferralOrderWorkflowId,
  (input: { order_id: string }) => {
    const conversion = ensureOrderReferralStep(input)

    const result = when("order-redeemed-referral-code", { conversion }, ({ conversion }) => !!conversion).then(
      () => {
        const flags = detectReferralFraudStep(transform({ conversion }, ({ conversion }) => conversion!))
        return convertReferralStep(transform({ conversion, flags }, ({ conversion, flags }) => ({ ...conversion!, flags })))
      }
    )

    when("referral-newly-decided", { result }, ({ result }) => !!result && result.outcome !== "unchanged").then(
      () => {
        const settled = settleReferrerPromptStep(transform({ result }, ({ result }) => result ?? null))
        setReferralOfferStep(settled)
        emitEventStep({
          eventName: transform({ result }, ({ result }) =>
            (CONVERSION_OUTCOME_STATUSES as readonly string[]).includes(result!.outcome) ? ReferralEvents.CONVERTED : ReferralEvents.REJECTED
          ),
          data: transform({ result }, ({ result }) => ({ id: result!.referral_id })),
        })
      }
    )

    const outcome = transform({ result }, ({ result }) => result ?? null)
    // Lets a store act on a decided referral (CRM sync, a thank-you email) inside the same workflow.
    const referralDecided = createHook("referralDecided", { order_id: input.order_id, result: outcome })
    return new WorkflowResponse(outcome, { hooks: [referralDecided] })
  }
)
