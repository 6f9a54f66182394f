import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateOfferPolicyStep, type EvaluateOfferPolicyStepInput } from "../steps/evaluate-offer-policy"

export const evaluateOfferPolicyWorkflowId = "evaluate-offer-policy"

/** What "always offer this arm" would have earned per prompt, estimated from the bandit's decision log. */
export const evaluateOfferPolicyWorkflow = createWorkflow(
  evaluateOfferPolicyWorkflowId,
  (input: EvaluateOfferPolicyStepInput) => new WorkflowResponse(evaluateOfferPolicyStep(input))
)
