import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { evaluateOrderMomentWorkflow } from "../workflows"

/** A delivered order is a happy moment: maybe the one to ask. The event names the fulfillment. */
export default async function deliveryCreatedViralMoment({ event, container }: SubscriberArgs<{ id: string }>) {
  await evaluateOrderMomentWorkflow(container).run({ input: { trigger: "delivery.created", fulfillment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.DELIVERY_CREATED,
  context: { subscriberId: "smart-referrals-delivery-created-moment" },
}
