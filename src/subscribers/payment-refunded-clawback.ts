import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { reverseRefundedReferralWorkflow } from "../workflows"
import { throwIfClawbackPending } from "../workflows/rewards/utils/clawback-pending"

/** A referred order refunded so far that the referral earned nothing loses its rewards; small partial returns keep them. */
export default async function paymentRefundedClawback({ event, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await reverseRefundedReferralWorkflow(container).run({ input: { payment_id: event.data.id } })
  throwIfClawbackPending(result)
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "smart-referrals-payment-refunded" },
}
