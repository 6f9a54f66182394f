import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateRedemption, type RedemptionVerdict } from "../../../rules/referral-rules"
import { loadRedemptionFactsStep, type LoadRedemptionFactsStepInput } from "../steps/load-redemption-facts"
import { recordReferralAttemptStep } from "../steps/record-referral-attempt"

export const checkAndRecordReferralRedemptionWorkflowId = "check-and-record-referral-redemption"

export type CheckAndRecordReferralRedemptionWorkflowInput = LoadRedemptionFactsStepInput

/**
 * Checks a referral code on a cart against the program's rules and records the
 * attempt. Answers null when the cart carries no referral code, otherwise the
 * verdict; the checkout hooks turn a refusal into an error for the shopper.
 */
export const checkAndRecordReferralRedemptionWorkflow = createWorkflow(
  checkAndRecordReferralRedemptionWorkflowId,
  (input: CheckAndRecordReferralRedemptionWorkflowInput) => {
    const subject = loadRedemptionFactsStep(input)

    const verdict = when("cart-has-referral-code", { subject }, ({ subject }) => !!subject).then(() => {
      const verdict = transform({ subject }, ({ subject }): RedemptionVerdict => evaluateRedemption(subject!.facts))
      recordReferralAttemptStep(
        transform({ subject, verdict }, ({ subject, verdict }) => ({ subject: subject!, verdict }))
      )
      return verdict
    })

    return new WorkflowResponse(transform({ verdict }, ({ verdict }) => verdict ?? null))
  }
)
