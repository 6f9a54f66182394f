import type { Browser, Page } from "playwright-core"
import { seedLoop, startAdminStore, waitFor, type AdminStore } from "./admin-store"
import { launchBrowser, logIn, screenshot } from "./browser"

jest.setTimeout(120 * 1000)
// Building the admin, migrating and seeding take a few minutes on a busy machine.
const SETUP_TIMEOUT_MS = 15 * 60 * 1000

/**
 * The store owner's screens, in Chromium against the production admin build:
 * each shows the numbers the admin API returns, and the actions change the
 * store as the API says they did.
 */
describe("admin dashboard in Chromium", () => {
  let store: AdminStore
  let browser: Browser
  let page: Page
  let seeded: Awaited<ReturnType<typeof seedLoop>>
  const admin = (method: string, path: string, body?: unknown) => store.api.admin(method, path, body)
  const openTab = async (tab: string) => {
    await page.goto(`${store.url}/app/referrals?tab=${tab}`)
    await page.getByTestId(`tab-content-${tab}`).waitFor()
  }
  const valueOf = async (testId: string) => {
    const element = page.getByTestId(testId)
    await element.waitFor()
    return await element.getAttribute("data-value")
  }

  beforeAll(async () => {
    store = await startAdminStore()
    seeded = await seedLoop(store.api)
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await logIn(page, store.url)
  }, SETUP_TIMEOUT_MS)

  afterAll(async () => {
    await browser?.close()
    await store?.close()
  })

  it("Overview: the funnel, K, cost and ROI are the metrics API's numbers", async () => {
    const { metrics } = await admin("GET", "/admin/referrals/metrics")
    const [loop] = metrics.groups
    expect(loop.funnel.conversions).toBeGreaterThan(0)
    await openTab("overview")
    for (const stage of ["prompts_created", "shares", "clicks", "codes_applied", "conversions", "activated"]) {
      expect(await valueOf(`funnel-${stage}`)).toBe(String(loop.funnel[stage]))
      await expect(page.getByTestId(`funnel-${stage}`).innerText()).resolves.toContain(String(loop.funnel[stage]))
    }
    expect(Number(await valueOf("metric-k"))).toBeCloseTo(loop.rates.k, 6)
    const [usd] = loop.economics
    expect(Number(await valueOf("metric-cost"))).toBe(usd.incentive_cost)
    expect(Number(await valueOf("metric-roi"))).toBeCloseTo(usd.roi, 6)
    await page.locator(".recharts-surface").first().waitFor()
    await screenshot(page, "referrals-overview")
  })

  it("Referrals: the table lists the referrals and an admin approves the one held for review", async () => {
    const { referrals, count } = await admin("GET", "/admin/referrals?limit=20")
    await openTab("referrals")
    await page.getByTestId(`referral-row-${referrals[0].id}`).waitFor()
    expect(count).toBeGreaterThan(1)
    await page.getByTestId(`review-row-${seeded.review.id}`).waitFor()
    await screenshot(page, "referrals-review-queue")

    await page.getByTestId(`approve-${seeded.review.id}`).click()
    await page.getByTestId(`review-row-${seeded.review.id}`).waitFor({ state: "detached" })
    const { referral } = await admin("GET", `/admin/referrals/${seeded.review.id}`)
    expect(referral.status).toBe("converted")
    expect(referral.rewards.map((reward: { role: string }) => reward.role).sort()).toEqual(["referee", "referrer"])
  })

  it("Offers: each arm's pulls and posterior are shown, and a new offer can be created", async () => {
    const { arms } = await admin("GET", "/admin/referrals/arms")
    await openTab("offers")
    for (const arm of arms) {
      expect(await valueOf(`arm-pulls-${arm.id}`)).toBe(String(arm.stats.pulls))
      expect(Number(await valueOf(`arm-mean-${arm.id}`))).toBeCloseTo(arm.posterior.mean, 6)
    }
    await page.getByTestId("arm-create").click()
    await page.getByTestId("arm-field-name").fill("Give 20%, get 20")
    await page.getByTestId("arm-field-referee_value").fill("20")
    await page.getByTestId("arm-field-referrer_value").fill("20")
    await page.getByTestId("arm-submit").click()
    const created = await waitFor(async () =>
      (await admin("GET", "/admin/referrals/arms")).arms.find((arm: { name: string }) => arm.name === "Give 20%, get 20")
    )
    await page.getByTestId(`arm-row-${created.id}`).waitFor()
    await screenshot(page, "referrals-offers")

    // When to ask: learned timing's value per kind of moment, as the API reports it.
    const timing = await admin("GET", "/admin/referrals/moments/timing")
    expect(timing.contexts.length).toBeGreaterThan(0)
    const [context] = timing.contexts
    const [moment] = context.moments
    expect(Number(await page.getByTestId(`timing-${context.context}-${moment.moment}`).locator("[data-value]").first().getAttribute("data-value"))).toBeCloseTo(moment.mean, 6)
    await page.getByTestId("offers-timing").scrollIntoViewIfNeeded()
    await screenshot(page, "referrals-offers-timing")
  })

  it("Model: train now shows the model the API reports as active", async () => {
    await openTab("model")
    await page.getByTestId("model-train").click()
    await page.getByTestId("model-train-outcome").waitFor()
    const { models, cold_start } = await admin("GET", "/admin/referrals/model")
    expect(models.length).toBeGreaterThan(0)
    await page.getByTestId(`model-row-${models[0].version}`).waitFor()
    if (cold_start) {
      await page.getByTestId("model-cold-start").waitFor()
    }
    await screenshot(page, "referrals-model")
  })

  it("Network: the customers by centrality and a referral tree", async () => {
    const { network } = await admin("GET", "/admin/referrals/network")
    const [top] = network.top_connectors
    await openTab("network")
    expect(await page.getByTestId(`network-direct-${top.customer_id}`).innerText()).toContain(String(top.out_degree))
    await page.getByTestId(`network-tree-${top.customer_id}`).click()
    await page.getByTestId("network-tree").waitFor()
    const { tree } = await admin("GET", `/admin/referrals/customers/${top.customer_id}/tree`)
    for (const child of tree.children) {
      await page.getByTestId(`network-tree-node-${child.customer_id}`).waitFor()
    }
    await screenshot(page, "referrals-network")
  })

  it("Experiments: create, see the results, stop", async () => {
    await openTab("experiments")
    await page.getByTestId("experiment-create").click()
    await page.getByTestId("experiment-name").fill("Holdout vs bandit")
    await page.getByTestId("experiment-submit").click()
    const experiment = await waitFor(async () =>
      (await admin("GET", "/admin/referrals/experiments")).experiments.find(
        (candidate: { name: string }) => candidate.name === "Holdout vs bandit"
      )
    )
    await page.getByTestId(`experiment-row-${experiment.id}`).waitFor()
    await page.getByTestId(`experiment-results-${experiment.id}`).click()
    await page.getByTestId("experiment-results").waitFor()
    await screenshot(page, "referrals-experiments")
    await page.keyboard.press("Escape")
    await page.getByTestId(`experiment-stop-${experiment.id}`).click()
    await page.getByRole("button", { name: "Stop experiment" }).click()
    await waitFor(async () => {
      const { experiments } = await admin("GET", "/admin/referrals/experiments")
      return experiments.find((candidate: { id: string; status: string }) => candidate.id === experiment.id && candidate.status === "stopped")
    })
  })

  it("Settings: a bad value shows the API's message, a good one is saved as a new version", async () => {
    const before = (await admin("GET", "/admin/referrals/program")).program
    await openTab("settings")
    const field = page.getByTestId("setting-attribution_window_days")
    await field.fill("0")
    await page.getByTestId("settings-submit").click()
    await expect(page.getByTestId("settings-error").innerText()).resolves.toContain("attribution_window_days")
    expect((await admin("GET", "/admin/referrals/program")).program.version).toBe(before.version)
    await screenshot(page, "referrals-settings-error")

    await field.fill("45")
    await page.getByTestId("settings-submit").click()
    const saved = await waitFor(async () => {
      const { program } = await admin("GET", "/admin/referrals/program")
      return program.version > before.version ? program : null
    })
    expect(saved.attribution_window_days).toBe(45)
  })

  it("Customer page: code, propensity, live prompt and moments of the customer", async () => {
    const customerId = seeded.review.referrer_customer_id
    const { referral_code } = await admin("GET", `/admin/referrals/customers/${customerId}`)
    const { propensity } = await admin("GET", `/admin/referrals/customers/${customerId}/propensity`)
    await page.goto(`${store.url}/app/customers/${customerId}`)
    expect(await page.getByTestId("customer-referral-code").innerText()).toContain(referral_code.code)
    expect(await page.getByTestId("customer-propensity-band").innerText()).toContain(propensity.band)
    await page.getByTestId("customer-moments").waitFor()
    await screenshot(page, "customer-details")
  })

  it("Order page: who referred the order, with which offer, and the referrer's reward", async () => {
    await page.goto(`${store.url}/app/orders/${seeded.review.order_id}`)
    expect(await page.getByTestId("order-referrer").innerText()).toContain("Rhea Demo")
    expect(await page.getByTestId("order-arm").innerText()).toContain("Give $5, get $5")
    await page.getByTestId("order-reward-status").waitFor()
    await screenshot(page, "order-details")

    // The referrer's name links to their customer page inside the dashboard.
    await page.getByTestId("order-referrer").click()
    await page.waitForURL(`**/customers/${seeded.review.referrer_customer_id}`)
    await page.getByTestId("customer-referral-code").waitFor()
  })
})
