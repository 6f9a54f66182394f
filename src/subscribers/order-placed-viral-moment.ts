import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { evaluateOrderMomentWorkflow } from "../workflows"

/** A purchase may be the moment to ask the buyer to refer a friend. */
export default async function orderPlacedViralMoment({ event, container }: SubscriberArgs<{ id: string }>) {
  await evaluateOrderMomentWorkflow(container).run({ input: { trigger: "order.placed", order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "smart-referrals-order-placed-moment" },
}
