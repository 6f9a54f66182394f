import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { runComputation } from "../helpers/compute-runs"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    /** A customer who signs up and brings `friends` through the real checkout with their code. */
    async function referrer(name: string, friends: string[]) {
      const customer = await shopper(`${name.toLowerCase()}@example.com`).register(name)
      const { referral_code } = await customer.me()
      const brought: Shopper[] = []
      for (const friend of friends) {
        const friendShopper = await shopper(`${friend.toLowerCase()}@example.com`).register(friend)
        await friendShopper.checkoutWith(referral_code.code)
        brought.push(friendShopper)
      }
      await eventually(async () => expect((await customer.me()).stats.converted).toBe(friends.length), 20000)
      return { customer, brought }
    }

    it("finds the planted super-connector, their tree and the friends of friends, and gives them their own bandit context", async () => {
      const anna = await referrer("Anna", ["Ben", "Cleo", "Dan", "Eve"])
      const ben = anna.brought[0]
      const cleo = anna.brought[1]
      const benCode = (await ben.me()).referral_code.code
      const finn = await shopper("finn@example.com").register("Finn")
      await finn.checkoutWith(benCode)
      const gia = await shopper("gia@example.com").register("Gia")
      await gia.checkoutWith((await cleo.me()).referral_code.code)
      const hal = await referrer("Hal", ["Ivy"])
      await eventually(async () => expect((await ben.me()).stats.converted).toBe(1), 20000)
      await eventually(async () => expect((await cleo.me()).stats.converted).toBe(1), 20000)

      // Queued to the worker (202), then polled until its run is done.
      const computed = await runComputation(api, `/admin/referrals/network/compute`, admin())
      expect(computed).toMatchObject({ kind: "network", status: "done", error: null })
      expect(computed.started_at).toEqual(expect.any(String))
      expect(computed.result).toMatchObject({ customers: 9, referrals: 7, super_connectors: [anna.customer.customer_id] })
      // A run is polled on its own kind's route only.
      expect((await refusal(api.get(`/admin/referrals/model/train/${computed.id}`, admin()))).status).toBe(404)

      const { data } = await api.get(`/admin/referrals/network?limit=5`, admin())
      expect(data.network).toMatchObject({ customers: 9, super_connector_count: 1 })
      expect(data.network.top_connectors[0]).toMatchObject({
        customer_id: anna.customer.customer_id,
        super_connector: true,
        out_degree: 4,
        descendants: 6,
        generations: 2,
        depth: 0,
      })
      expect(data.network.depth_distribution).toEqual([
        { depth: 0, customers: 2 },
        { depth: 1, customers: 5 },
        { depth: 2, customers: 2 },
      ])
      expect(data.network.second_generation).toEqual(
        expect.arrayContaining([
          { referrer: anna.customer.customer_id, via: ben.customer_id, friend: finn.customer_id },
          { referrer: anna.customer.customer_id, via: cleo.customer_id, friend: gia.customer_id },
        ])
      )
      expect(data.network.second_generation).toHaveLength(2)
      expect(hal.customer.customer_id).not.toBe(anna.customer.customer_id)

      const shallow = (await api.get(`/admin/referrals/customers/${anna.customer.customer_id}/tree?depth=1`, admin())).data.tree
      expect(shallow.children).toHaveLength(4)
      expect(shallow.children.find((c: { customer_id: string }) => c.customer_id === ben.customer_id)).toMatchObject({
        children: [],
        truncated: true,
      })
      const deep = (await api.get(`/admin/referrals/customers/${anna.customer.customer_id}/tree?depth=2`, admin())).data.tree
      const benNode = deep.children.find((c: { customer_id: string }) => c.customer_id === ben.customer_id)
      expect(benNode.children.map((c: { customer_id: string }) => c.customer_id)).toEqual([finn.customer_id])
      expect((await api.get(`/admin/referrals/customers/${anna.customer.customer_id}/tree?depth=0`, admin()).catch((e: any) => e.response)).status).toBe(400)

      // Anna's first purchase is now decided in the super-connector context.
      await anna.customer.checkoutWith(null)
      const prompt = await eventually(async () => {
        const { data } = await api.get(`/admin/referrals/customers/${anna.customer.customer_id}`, admin())
        expect(data.prompts).toHaveLength(1)
        return data.prompts[0]
      })
      expect(prompt.context_key).toMatch(/\|1$/)
    })
  },
})
