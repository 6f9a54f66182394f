import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseReferralOrderWorkflow } from "../workflows"

/** A canceled referred order earns nothing: revoke or claw back its rewards. */
export default async function orderCanceledClawback({ event, container }: SubscriberArgs<{ id: string }>) {
  await reverseReferralOrderWorkflow(container).run({
    input: { order_id: event.data.id, reason: "order_canceled" },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "smart-referrals-order-canceled" },
}
