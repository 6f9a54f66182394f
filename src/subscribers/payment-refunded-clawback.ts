import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { reverseRefundedReferralWorkflow } from "../workflows"

/** A fully refunded referred order earns nothing; partial refunds keep the reward. */
export default async function paymentRefundedClawback({ event, container }: SubscriberArgs<{ id: string }>) {
  await reverseRefundedReferralWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "smart-referrals-payment-refunded" },
}
