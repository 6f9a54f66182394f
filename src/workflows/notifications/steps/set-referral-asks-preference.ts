import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const setReferralAsksPreferenceStepId = "set-referral-asks-preference"

type Preference = { customer_id: string; asks: boolean }

/**
 * Whether the customer wants referral asks, kept in the customer's own metadata
 * (`referral_program.asks`), where the admin's customer page shows and edits it.
 * The undo restores the metadata as it was.
 */
export const setReferralAsksPreferenceStep = createStep(
  setReferralAsksPreferenceStepId,
  async (input: Preference, { container }) => {
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const before = await customers.retrieveCustomer(input.customer_id, { select: ["id", "metadata"] })
    const previous = (before.metadata?.referral_program as Record<string, unknown> | undefined) ?? {}
    await customers.updateCustomers(input.customer_id, {
      metadata: {
        ...before.metadata,
        referral_program: { ...previous, asks: input.asks, asks_changed_at: new Date().toISOString() },
      },
    })
    return new StepResponse({ customer_id: input.customer_id, asks: input.asks }, { id: before.id, metadata: before.metadata ?? null })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<ICustomerModuleService>(Modules.CUSTOMER).updateCustomers(before.id, { metadata: before.metadata })
  }
)
