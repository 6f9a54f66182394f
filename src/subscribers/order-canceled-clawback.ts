import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseReferralOrderWorkflow } from "../workflows"
import { throwIfClawbackPending } from "../workflows/rewards/utils/clawback-pending"

/** A canceled referred order earns nothing: revoke or claw back its rewards. */
export default async function orderCanceledClawback({ event, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await reverseReferralOrderWorkflow(container).run({
    input: { order_id: event.data.id, reason: "order_canceled" },
  })
  throwIfClawbackPending(result)
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "smart-referrals-order-canceled" },
}
