import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { normalizeEmail } from "../../../rules/normalize-identity"
import type { IReferralModuleService } from "../../../types"

export const loadErasureSubjectStepId = "load-referral-erasure-subject"

export type ErasureSubject = {
  customer_id: string
  /** The customer's email as referrals store it (normalised), to find their guest attempts too. */
  emails: string[]
  /** Their carts, whose origins (address, visitor id) the plugin may still hold. */
  cart_ids: string[]
  /** Their code while it is still active; null once disabled (or when they never had one). */
  active_code: { id: string; promotion_id: string | null } | null
}

/**
 * Whom an erasure is about: the customer (a deleted one too: Medusa soft-deletes,
 * so the email is still readable) and their code if it is still active. Refuses
 * an id neither Medusa nor the plugin knows. Reads only.
 */
export const loadErasureSubjectStep = createStep(
  loadErasureSubjectStepId,
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [{ data: customers }, { data: carts }, codes] = await Promise.all([
      query.graph({
        entity: "customer",
        fields: ["id", "email"],
        filters: { id: input.customer_id },
        withDeleted: true,
      }),
      query.graph({ entity: "cart", fields: ["id"], filters: { customer_id: input.customer_id } }),
      referrals.listReferralCodes({ customer_id: input.customer_id }, { select: ["id", "promotion_id", "status"] }),
    ])
    const customer = customers[0]
    if (!customer && !codes.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id ${input.customer_id} was not found`)
    }
    const email = normalizeEmail(customer?.email)
    const active = codes.find((code) => code.status === "active")
    return new StepResponse<ErasureSubject>({
      customer_id: input.customer_id,
      emails: email ? [email] : [],
      cart_ids: carts.map((cart) => cart.id),
      active_code: active ? { id: active.id, promotion_id: active.promotion_id } : null,
    })
  }
)
