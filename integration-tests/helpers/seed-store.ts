import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, generateJwtToken, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export type SeededStore = {
  region_id: string
  /** A second region, in euros, for multi-currency tests (stores seeded through `tools/store-api.ts` have none). */
  eur_region_id?: string
  variant_id: string
  publishable_key: string
  admin_token: string
}

/**
 * The smallest store a shopper can check out in: a store whose default
 * currency is USD (with EUR too), a USD region and a EUR region paid through
 * the system provider, one published product of 100 USD / 90 EUR that needs no
 * shipping, a publishable key, and an admin user's token. The loop itself then runs
 * through HTTP like a storefront and the admin would drive it.
 */
export async function seedStore(container: MedusaContainer): Promise<SeededStore> {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const [defaultStore] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: defaultStore.id },
      update: { supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }] },
    },
  })
  const {
    result: [region, eurRegion],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
        { name: "Europe", currency_code: "eur", countries: ["de", "fr"], payment_providers: ["pp_system_default"] },
      ],
    },
  })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: ApiKeyType.PUBLISHABLE, created_by: "seed" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Trail Mug",
          status: ProductStatus.PUBLISHED,
          options: [{ title: "Size", values: ["One size"] }],
          sales_channels: [{ id: salesChannel.id }],
          variants: [
            {
              title: "One size",
              manage_inventory: false,
              options: { Size: "One size" },
              prices: [
                { currency_code: "usd", amount: 100 },
                { currency_code: "eur", amount: 90 },
              ],
            },
          ],
        },
      ],
    },
  })
  return {
    region_id: region.id,
    eur_region_id: eurRegion.id,
    variant_id: product.variants[0].id,
    publishable_key: apiKey.token,
    admin_token: await adminToken(container),
  }
}

async function adminToken(container: MedusaContainer): Promise<string> {
  const user = await container.resolve(Modules.USER).createUsers({ email: "admin@shop.test", first_name: "Ada" })
  const authIdentity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: "admin@shop.test" }],
    app_metadata: { user_id: user.id },
  })
  const { http } = container.resolve("configModule").projectConfig
  return generateJwtToken(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id, app_metadata: { user_id: user.id } },
    { secret: http.jwtSecret, expiresIn: "1d" }
  )
}
