import type { MedusaContainer } from "@medusajs/framework/types"
import { generateJwtToken, Modules } from "@medusajs/framework/utils"
import type { SeededStore } from "./seed-store"

/**
 * Store headers of an existing customer (created through the module, without
 * signing up), as their storefront session would send them.
 */
export async function customerHeaders(container: MedusaContainer, store: SeededStore, customer: { id: string; email: string }) {
  const authIdentity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: customer.email }],
    app_metadata: { customer_id: customer.id },
  })
  const { http } = container.resolve("configModule").projectConfig
  const token = generateJwtToken(
    { actor_id: customer.id, actor_type: "customer", auth_identity_id: authIdentity.id, app_metadata: { customer_id: customer.id } },
    { secret: http.jwtSecret!, expiresIn: "1d" }
  )
  return { headers: { "x-publishable-api-key": store.publishable_key, authorization: `Bearer ${token}` } }
}
