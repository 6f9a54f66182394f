import type { Browser, BrowserContext, Page } from "playwright-core"
import { waitFor } from "./admin-store"
import { launchBrowser, screenshot } from "./browser"
import { startStorefrontStore, type StorefrontStore } from "./storefront-store"

jest.setTimeout(180 * 1000)
// Building the storefront, migrating and starting Medusa take a few minutes on a busy machine.
const SETUP_TIMEOUT_MS = 10 * 60 * 1000

const REFERRER = { first_name: "Anna", last_name: "Ahlberg", email: "anna.referrer@trailhead.shop", password: "anna-secret-123" }
const LINK_FRIEND = "liam.link@trailhead.shop"
const NAME_FRIEND = "nora.name@trailhead.shop"

/**
 * The shopper's whole referral journey in Chromium, in the example storefront
 * (examples/storefront), which uses only the storefront kit and Medusa's JS
 * SDK: the referrer signs up, buys and gets a share panel; a friend opens the
 * link and finds the discount already on the cart; the referrer sees the
 * referral on their account page; a second friend finds the referrer by email
 * ("who referred you?"); the referrer's own code is refused with the plugin's
 * message. Each step is checked against the store's API too.
 */
describe("storefront kit in Chromium", () => {
  let store: StorefrontStore
  let browser: Browser
  let referrer: Page
  let code: string
  let shareLink: string
  const contexts: BrowserContext[] = []
  const started = Date.now()

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
    contexts.push(context)
    return await context.newPage()
  }
  const go = (page: Page, path: string) => page.goto(`${store.storefrontUrl}${path}`)
  const addToCart = async (page: Page, handle = "trail-mug") => {
    await go(page, "/")
    await page.getByTestId(`add-${handle}`).click()
    await page.getByTestId("cart").waitFor()
  }
  const checkout = async (page: Page, email?: string) => {
    await page.getByTestId("go-checkout").click()
    if (email) await page.getByTestId("checkout-email").fill(email)
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmation").waitFor()
    await page.getByTestId("order-number").waitFor()
  }
  const discountOnCart = async (page: Page) => Number(await page.getByTestId("cart-discount").getAttribute("data-value"))
  const referrals = async () =>
    (await store.api.admin("GET", "/admin/referrals?limit=50")).referrals as {
      status: string
      source: string | null
      referee_email: string | null
      reason: string | null
    }[]

  beforeAll(async () => {
    store = await startStorefrontStore()
    // Every shopper in this test shares one address (the machine's): the velocity rule would hold them for review.
    await store.api.admin("POST", "/admin/referrals/program", { flag_ip_velocity: false })
    browser = await launchBrowser()
    referrer = await newPage()
  }, SETUP_TIMEOUT_MS)

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
    await browser?.close()
    await store?.close()
    console.log(`Storefront e2e wall time (set-up included): ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })

  it("the referrer signs up, buys, and the order confirmation shows their code, link and QR", async () => {
    await go(referrer, "/account")
    await referrer.getByTestId("account-first_name").fill(REFERRER.first_name)
    await referrer.getByTestId("account-last_name").fill(REFERRER.last_name)
    await referrer.getByTestId("account-email").fill(REFERRER.email)
    await referrer.getByTestId("account-password").fill(REFERRER.password)
    await screenshot(referrer, "storefront-register")
    await referrer.getByTestId("account-submit").click()
    await referrer.getByTestId("sr-referral-card").waitFor()

    await addToCart(referrer)
    await screenshot(referrer, "storefront-cart")
    await checkout(referrer)
    const panel = referrer.getByTestId("sr-share-panel")
    await panel.waitFor()
    code = (await referrer.getByTestId("sr-share-code").innerText()).trim()
    shareLink = (await referrer.getByTestId("sr-share-link").getAttribute("href"))!
    expect(code).toMatch(/^[A-Z0-9-]{4,}$/)
    expect(shareLink).toBe(`${store.storefrontUrl}/r/${code}`)
    await referrer.locator("[data-testid=sr-share-qr] svg").waitFor()
    const whatsapp = await referrer.getByTestId("sr-share-whatsapp").getAttribute("href")
    expect(decodeURIComponent(whatsapp!)).toContain(shareLink)
    expect(await referrer.getByTestId("sr-share-facebook").getAttribute("href")).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(shareLink)}`
    )
    await screenshot(referrer, "storefront-order-share-panel")
  })

  it("a friend opens the link, adds a product, finds the discount already applied, and checks out", async () => {
    const friend = await newPage()
    await friend.goto(shareLink)
    await friend.getByTestId("landing").waitFor()
    await expect(friend.getByTestId("sr-landing-banner").innerText()).resolves.toMatch(/^Anna gave you .+ off your first order\.$/)
    await screenshot(friend, "storefront-landing")

    await addToCart(friend)
    await expect(friend.getByTestId("cart-codes").innerText()).resolves.toContain(code)
    expect(await discountOnCart(friend)).toBeGreaterThan(0)
    await screenshot(friend, "storefront-cart-auto-applied")

    await checkout(friend, LINK_FRIEND)
    await friend.getByTestId("order-discount").waitFor()
    await screenshot(friend, "storefront-friend-order")

    const referral = await waitFor(async () => (await referrals()).find((r) => r.referee_email === LINK_FRIEND && r.status === "converted"), 20_000)
    expect(referral.source).toBe("link")
  })

  it("the referrer's account page shows the friend's referral", async () => {
    await go(referrer, "/account")
    await referrer.getByTestId("sr-referral-card").waitFor()
    expect(Number(await referrer.getByTestId("sr-stat-pending").innerText()) + Number(await referrer.getByTestId("sr-stat-converted").innerText())).toBe(1)
    await screenshot(referrer, "storefront-account-referral-card")
  })

  it('a second friend without the link uses "who referred you?" with the referrer\'s email and gets the discount', async () => {
    const friend = await newPage()
    await addToCart(friend, "merino-beanie")
    expect(await discountOnCart(friend)).toBe(0)
    await friend.getByTestId("sr-referrer-email").fill(REFERRER.email.toUpperCase())
    await friend.getByTestId("sr-referrer-find").click()
    await expect(friend.getByTestId("sr-referrer-name").innerText()).resolves.toBe("Anna")
    await screenshot(friend, "storefront-who-referred-you")
    await friend.getByTestId("sr-referrer-confirm").click()
    await expect(friend.getByTestId("sr-referrer-message").innerText()).resolves.toContain("Anna's referral is applied")
    await friend.getByTestId("cart-codes").waitFor()
    await expect(friend.getByTestId("cart-codes").innerText()).resolves.toContain(code)
    expect(await discountOnCart(friend)).toBeGreaterThan(0)
    await screenshot(friend, "storefront-who-referred-you-applied")
    await checkout(friend, NAME_FRIEND)

    const referral = await waitFor(async () => (await referrals()).find((r) => r.referee_email === NAME_FRIEND && r.status === "converted"), 20_000)
    expect(referral.source).toBe("name")
    // A stranger's email answers the same words as any miss, and applies nothing.
    const stranger = await newPage()
    await addToCart(stranger)
    await stranger.getByTestId("sr-referrer-email").fill("nobody@trailhead.shop")
    await stranger.getByTestId("sr-referrer-find").click()
    await expect(stranger.getByTestId("sr-referrer-message").innerText()).resolves.toMatch(/could not find a referrer/)
    expect(await discountOnCart(stranger)).toBe(0)
  })

  it("the referrer's own code is refused with the plugin's message", async () => {
    await addToCart(referrer, "camp-blanket")
    await referrer.getByTestId("promo-code").fill(code)
    await referrer.getByTestId("promo-apply").click()
    await expect(referrer.getByTestId("promo-message").innerText()).resolves.toBe(
      "This is your own referral code: share it with a friend instead."
    )
    expect(await discountOnCart(referrer)).toBe(0)
    await screenshot(referrer, "storefront-self-referral-refused")
    const refused = (await referrals()).find((r) => r.status === "rejected")
    expect(refused?.reason).toBe("self_referral")
  })
})
