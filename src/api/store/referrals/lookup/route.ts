import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { StoreLookupReferrerType } from "./validators"
import type { StoreReferrerLookupResponse } from "../../../../types/http/store"

/** The one answer for every miss, so the route never tells whether an email belongs to a customer. */
export const REFERRER_NOT_FOUND = "We could not find a referrer with those details. Check the spelling, or ask your friend for their code."

/** `LIKE` pattern of a literal string: its wildcards escaped, so only a case-insensitive exact match is made. */
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`)

/**
 * Public: "who referred you?". A friend without a code types their referrer's
 * email; when exactly one customer with an active code has it, the answer is
 * that customer's first name (to confirm) and code (to apply, as source
 * "name"). Anything else, a stranger, a customer without a code or two
 * matches, is the same 404. The email is never echoed.
 */
export const POST = async (req: MedusaRequest<StoreLookupReferrerType>, res: MedusaResponse<StoreReferrerLookupResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const email = req.validatedBody.email.trim()
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name"],
    filters: { email: { $ilike: literal(email) } },
    pagination: { take: 10 },
  })
  const { data: codes } = customers.length
    ? await query.graph({
        entity: "referral_code",
        fields: ["code", "customer_id"],
        filters: { customer_id: customers.map((customer) => customer.id), status: "active" },
        pagination: { take: 2 },
      })
    : { data: [] }
  if (codes.length !== 1) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, REFERRER_NOT_FOUND)
  }
  const [code] = codes
  const referrer = customers.find((customer) => customer.id === code.customer_id)
  res.json({ referrer: { first_name: referrer?.first_name ?? null, code: code.code } })
}
