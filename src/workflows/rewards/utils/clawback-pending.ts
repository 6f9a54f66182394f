import { MedusaError } from "@medusajs/framework/utils"

/**
 * Fails the event's handling while a clawback is still pending (a debit
 * failed), so the event bus delivers the event again and the clawback is
 * retried; the hourly release retries it too. Everything else the run did is
 * committed and a redelivery finds it done.
 */
export function throwIfClawbackPending(result: { failed: string[] } | null | undefined) {
  if (result?.failed.length) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Referral rewards ${result.failed.join(", ")}: clawback pending, to be retried`
    )
  }
}
