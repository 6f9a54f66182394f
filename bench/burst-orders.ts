/**
 * `medusa exec` script of the burst benchmark (bench/burst.ts): a flash sale's
 * orders, each announced with `order.placed` through the store's event bus.
 *
 * 1. `BURST_ORDERS` registered customers (customer module, in bulk); then it
 *    waits until the worker has handled whatever events that caused, so the
 *    burst starts on an empty queue.
 * 2. The orders, one per customer (a first purchase: one item of a seeded
 *    product), created with the order module in batches of `BURST_BATCH`, and
 *    right after each batch its `order.placed` events emitted through the
 *    event bus as Medusa's checkout does (critical priority). Finished jobs are
 *    kept in Redis, so the benchmark can count and time every one.
 *
 * Creating orders through the order module rather than completing carts skips
 * the checkout's own work (pricing, payment, inventory), which is not what is
 * measured: the order rows, items and summaries the subscribers read are the
 * same. Writes what it did to `BURST_OUTPUT` (JSON).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, EventPriority, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { writeFileSync } from "fs"
import Redis from "ioredis"
import { EVENT_QUEUE, openQueue, unfinishedJobs } from "../tools/cluster"

export default async function burstOrders({ container }: ExecArgs) {
  const orders = Number(process.env.BURST_ORDERS ?? 5000)
  const batch = Number(process.env.BURST_BATCH ?? 50)
  const output = process.env.BURST_OUTPUT
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const orderModule = container.resolve(Modules.ORDER)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null })
  const events = openQueue(redis, EVENT_QUEUE)

  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title", "variants.id", "variants.title", "variants.prices.amount", "variants.prices.currency_code"],
  })
  const region = regions[0]
  const items = products.map((product) => {
    const variant = product.variants[0]
    const price = variant.prices!.find((p) => p!.currency_code === region.currency_code)!
    return { title: product.title, product_id: product.id, variant_id: variant.id, variant_title: variant.title, unit_price: Number(price.amount) }
  })

  const t0 = Date.now()
  const customers: { id: string; email: string }[] = []
  for (let i = 0; i < orders; i += 500) {
    const created = await customerModule.createCustomers(
      Array.from({ length: Math.min(500, orders - i) }, (_, k) => ({
        email: `burst-${i + k}@burst.bench`,
        first_name: `Shopper${i + k}`,
        last_name: "Burst",
        has_account: true,
      }))
    )
    customers.push(...created.map((c) => ({ id: c.id, email: c.email! })))
  }
  const customersSeconds = (Date.now() - t0) / 1000
  // Whatever creating customers set off (nothing, or the plugin's codes) is done before the burst.
  const t1 = Date.now()
  while ((await unfinishedJobs(events)) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const drainedSeconds = (Date.now() - t1) / 1000
  logger.info(`burst: ${customers.length} customers in ${customersSeconds.toFixed(1)} s, queue drained in ${drainedSeconds.toFixed(1)} s`)

  const burstStart = Date.now()
  if (output) {
    writeFileSync(`${output}.burst-started`, new Date(burstStart).toISOString())
  }
  for (let i = 0; i < customers.length; i += batch) {
    const created = await orderModule.createOrders(
      customers.slice(i, i + batch).map((customer, k) => ({
        region_id: region.id,
        sales_channel_id: channels[0].id,
        customer_id: customer.id,
        email: customer.email,
        currency_code: region.currency_code,
        status: "pending",
        items: [{ ...items[(i + k) % items.length], quantity: 1 }],
      }))
    )
    await eventBus.emit(
      created.map((order) => ({ name: OrderWorkflowEvents.PLACED, data: { id: order.id } })),
      // As completeCartWorkflow emits it; finished jobs stay in Redis for the count.
      { priority: EventPriority.CRITICAL, removeOnComplete: false, removeOnFail: false } as Record<string, unknown>
    )
  }
  const burstSeconds = (Date.now() - burstStart) / 1000
  logger.info(`burst: ${customers.length} orders created and order.placed emitted in ${burstSeconds.toFixed(1)} s`)
  await events.close()
  redis.disconnect()
  if (output) {
    writeFileSync(
      output,
      JSON.stringify({
        orders: customers.length,
        batch,
        customers_seconds: customersSeconds,
        customer_events_drained_seconds: drainedSeconds,
        burst_started_at: new Date(burstStart).toISOString(),
        burst_seconds: burstSeconds,
      })
    )
  }
}
