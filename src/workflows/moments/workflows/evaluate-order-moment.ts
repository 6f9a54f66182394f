import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveMomentOrderStep } from "../steps/resolve-moment-order"
import { evaluateViralMomentWorkflow } from "./evaluate-viral-moment"

export const evaluateOrderMomentWorkflowId = "evaluate-order-moment"

export type EvaluateOrderMomentWorkflowInput =
  | { trigger: "order.placed"; order_id: string }
  | { trigger: "delivery.created"; fulfillment_id: string }

/** A purchase or a delivery as a possible viral moment for the order's customer. */
export const evaluateOrderMomentWorkflow = createWorkflow(
  evaluateOrderMomentWorkflowId,
  (input: EvaluateOrderMomentWorkflowInput) => {
    const order = resolveMomentOrderStep(
      transform({ input }, ({ input }) =>
        "order_id" in input ? { order_id: input.order_id } : { fulfillment_id: input.fulfillment_id }
      )
    )
    const result = when("order-has-customer", { order }, ({ order }) => !!order).then(() =>
      evaluateViralMomentWorkflow.runAsStep({
        input: transform({ input, order }, ({ input, order }) => ({
          customer_id: order!.customer_id,
          trigger: input.trigger,
          trigger_id: "order_id" in input ? input.order_id : input.fulfillment_id,
          order_id: input.trigger === "order.placed" ? order!.order_id : null,
          delivered: input.trigger === "delivery.created",
        })),
      })
    )
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? null))
  }
)
