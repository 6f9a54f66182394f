import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateRedemption, type RedemptionVerdict } from "../../../rules/referral-rules"
import { loadRedemptionFactsStep, type LoadRedemptionFactsStepInput } from "../steps/load-redemption-facts"
import { recordCodeAppliedTouchStep } from "../steps/record-code-applied-touch"
import { recordReferralAttemptStep } from "../steps/record-referral-attempt"
import { forgetCartOriginStep } from "../steps/forget-cart-origin"

export const checkAndRecordReferralRedemptionWorkflowId = "check-and-record-referral-redemption"

export type CheckAndRecordReferralRedemptionWorkflowInput = LoadRedemptionFactsStepInput & {
  /**
   * false records refusals only: a code being added is recorded as applied
   * once Medusa has put it on the cart (`recordAcceptedReferralCode`), since
   * the promotion engine may still refuse it (letter case, currency).
   */
  record_accepted?: boolean
}

/**
 * Checks a referral code on a cart against the program's rules and records the
 * attempt (the referral, pending or rejected, and an accepted code's touch).
 * Answers null when the cart carries no referral code, otherwise the verdict;
 * the checkout hooks turn a refusal into an error for the shopper.
 */
export const checkAndRecordReferralRedemptionWorkflow = createWorkflow(
  checkAndRecordReferralRedemptionWorkflowId,
  (input: CheckAndRecordReferralRedemptionWorkflowInput) => {
    const subject = loadRedemptionFactsStep(input)

    const verdict = when("cart-has-referral-code", { subject }, ({ subject }) => !!subject).then(() => {
      const verdict = transform({ subject }, ({ subject }): RedemptionVerdict => evaluateRedemption(subject!.facts))
      const referral = recordReferralAttemptStep(
        transform({ input, subject, verdict }, ({ input, subject, verdict }) =>
          verdict.ok && input.record_accepted === false ? null : { subject: subject!, verdict }
        )
      )
      // An accepted code on a referral still open to attempts counts once in the funnel.
      recordCodeAppliedTouchStep(
        transform({ subject, verdict, referral }, ({ subject, verdict, referral }) =>
          verdict.ok && referral?.status === "pending"
            ? {
                referral_id: referral.id,
                referral_code_id: subject!.referral_code.id,
                code: subject!.referral_code.code,
                customer_id: subject!.friend.customer_id,
              }
            : null
        )
      )
      // A refused code is decided: the cart's origin is not kept (a later attempt records a fresh one).
      forgetCartOriginStep(
        transform({ verdict, referral }, ({ verdict, referral }) => ({ referral_id: verdict.ok ? null : referral?.id ?? null }))
      )
      return verdict
    })

    return new WorkflowResponse(transform({ verdict }, ({ verdict }) => verdict ?? null))
  }
)
