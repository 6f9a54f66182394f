import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordReferralTouchStep } from "../steps/record-referral-touch"
import { resolveActiveReferralCodeStep } from "../../codes/steps/resolve-active-referral-code"

export const recordReferralClickWorkflowId = "record-referral-click"

export type RecordReferralClickWorkflowInput = { code: string; visitor_id: string }

/** A friend followed a share link: record the click for the code's funnel. Unknown codes are a 404. */
export const recordReferralClickWorkflow = createWorkflow(
  recordReferralClickWorkflowId,
  (input: RecordReferralClickWorkflowInput) => {
    const code = resolveActiveReferralCodeStep(input)
    recordReferralTouchStep(
      transform({ code, input }, ({ code, input }) => ({
        type: "click" as const,
        referral_code_id: code.id,
        code: code.code,
        visitor_id: input.visitor_id,
      }))
    )
    return new WorkflowResponse(code)
  }
)
