import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"

export type Warehouse = { location_id: string; shipping_option_id: string }

/** A stock location shipping to the US through Medusa's manual fulfillment provider, so orders can be fulfilled and delivered. */
export async function seedWarehouse(container: MedusaContainer): Promise<Warehouse> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Warehouse" }] } })
  const set = await container.resolve(Modules.FULFILLMENT).createFulfillmentSets({
    name: "Warehouse shipping",
    type: "shipping",
    service_zones: [{ name: "US", geo_zones: [{ type: "country", country_code: "us" }] }],
  })
  await link.create([
    { [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
    { [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_set_id: set.id } },
  ])
  const {
    result: [profile],
  } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Parcels", type: "default" }] } })
  const {
    result: [option],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        service_zone_id: set.service_zones[0].id,
        shipping_profile_id: profile.id,
        provider_id: "manual_manual",
        type: { label: "Standard", description: "Standard shipping", code: "standard" },
        prices: [{ currency_code: "usd", amount: 0 }],
        rules: [],
      },
    ],
  })
  return { location_id: location.id, shipping_option_id: option.id }
}

type Headers = { headers: Record<string, string> }
type OrderItems = { id: string; items: { id: string; quantity: number }[] }

/** The admin fulfils every item of the order, as the order page's button does, without marking it delivered. Answers the fulfilment's id. */
export async function fulfilOrder(api: AxiosInstance, headers: Headers, warehouse: Warehouse, order: OrderItems): Promise<string> {
  await api.post(
    `/admin/orders/${order.id}/fulfillments`,
    {
      items: order.items.map((item) => ({ id: item.id, quantity: item.quantity })),
      location_id: warehouse.location_id,
      shipping_option_id: warehouse.shipping_option_id,
    },
    headers
  )
  const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*fulfillments`, headers)
  return data.order.fulfillments[0].id as string
}

/** The admin fulfils every item of the order and marks it delivered, as the order page's buttons do. */
export async function deliverOrder(api: AxiosInstance, headers: Headers, warehouse: Warehouse, order: OrderItems): Promise<string> {
  const fulfillmentId = await fulfilOrder(api, headers, warehouse, order)
  await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, headers)
  return fulfillmentId
}
