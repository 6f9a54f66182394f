import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { convertReferralStep } from "../steps/convert-referral"
import { forgetCartOriginStep } from "../../redemption/steps/forget-cart-origin"
import { detectReferralFraudStep } from "../steps/detect-referral-fraud"
import { ensureOrderReferralStep } from "../steps/ensure-order-referral"
import { setReferralOfferStep } from "../steps/set-referral-offer"
import { settleReferrerPromptStep } from "../steps/settle-referrer-prompt"
import { checkOrderRedemptionRulesStep } from "../steps/check-order-redemption-rules"

/** The event for a decided referral: converted only when it really converted; held ones wait for review. */
const OUTCOME_EVENTS: Record<string, string> = {
  converted: ReferralEvents.CONVERTED,
  review: ReferralEvents.REVIEW_REQUIRED,
}

export const attributeReferralOrderWorkflowId = "attribute-referral-order"

/**
 * On `order.placed`: if the order redeemed a referral code, check the
 * redemption rules again (the order may have skipped the checkout hook, or be
 * canceled already), convert the referral, record what the friend saved and
 * hold the referrer's reward until the return window has passed. A referral
 * the fraud rules flag goes to review instead, with the flags explaining why
 * (`referral.review_required`; `referral.converted` follows on approval).
 * Safe to run again for the same order.
 */
export const attributeReferralOrderWorkflow = createWorkflow(
  attributeReferralOrderWorkflowId,
  (input: { order_id: string }) => {
    const conversion = ensureOrderReferralStep(input)

    const result = when("order-redeemed-referral-code", { conversion }, ({ conversion }) => !!conversion).then(
      () => {
        const refusal = checkOrderRedemptionRulesStep(transform({ conversion }, ({ conversion }) => conversion!))
        const flags = detectReferralFraudStep(transform({ conversion }, ({ conversion }) => conversion!))
        const result = convertReferralStep(
          transform({ conversion, flags, refusal }, ({ conversion, flags, refusal }) => ({ ...conversion!, flags, refusal }))
        )
        // Decided: the cart's client address and visitor id are no longer needed.
        forgetCartOriginStep(transform({ result }, ({ result }) => ({ referral_id: result.referral_id })))
        return result
      }
    )

    when("referral-newly-decided", { result }, ({ result }) => !!result && result.outcome !== "unchanged").then(
      () => {
        const settled = settleReferrerPromptStep(transform({ result }, ({ result }) => result ?? null))
        setReferralOfferStep(settled)
        emitEventStep({
          eventName: transform({ result }, ({ result }) => OUTCOME_EVENTS[result!.outcome] ?? ReferralEvents.REJECTED),
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
