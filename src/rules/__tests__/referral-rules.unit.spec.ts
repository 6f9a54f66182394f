import { evaluateRedemption, type RedemptionFacts } from "../referral-rules"

const base = (): RedemptionFacts => ({
  program: { enabled: true, new_customers_only: true, block_same_address: true, referrer_cap: 10 },
  code: { status: "active", customer_id: "cus_referrer" },
  offer: { active: true, currency_offered: true },
  referral_codes_in_cart: 1,
  friend: {
    customer_id: "cus_friend",
    emails: ["friend@example.com"],
    phones: ["+1 555 0100 222"],
    address: { address_1: "1 Friend Road", postal_code: "10001", country_code: "us" },
    prior_orders: 0,
  },
  referrer: {
    emails: ["anna@gmail.com"],
    phones: ["+1 555 0199 999"],
    addresses: [{ address_1: "9 Referrer Ave", postal_code: "10002", country_code: "us" }],
    conversions_in_window: 0,
  },
})

const reasonFor = (change: (facts: RedemptionFacts) => void) => {
  const facts = base()
  change(facts)
  const verdict = evaluateRedemption(facts)
  return verdict.ok ? "ok" : verdict.reason
}

describe("referral redemption rules", () => {
  it("accepts a new friend who is not the referrer", () => {
    expect(reasonFor(() => {})).toBe("ok")
  })

  it.each([
    ["the program is off", (f: RedemptionFacts) => (f.program.enabled = false), "program_disabled"],
    ["the code is disabled", (f: RedemptionFacts) => (f.code.status = "disabled"), "code_disabled"],
    ["the code's offer was withdrawn", (f: RedemptionFacts) => (f.offer.active = false), "offer_withdrawn"],
    [
      "the offer's fixed discount is not listed in the cart's currency",
      (f: RedemptionFacts) => (f.offer.currency_offered = false),
      "currency_not_offered",
    ],
    ["two referral codes are in the cart", (f: RedemptionFacts) => (f.referral_codes_in_cart = 2), "multiple_codes"],
    ["the friend is the referrer", (f: RedemptionFacts) => (f.friend.customer_id = "cus_referrer"), "self_referral"],
    [
      "the friend uses the referrer's gmail with dots and an alias",
      (f: RedemptionFacts) => (f.friend.emails = ["A.nna+deal@gmail.com"]),
      "self_referral",
    ],
    ["the friend uses the referrer's phone", (f: RedemptionFacts) => (f.friend.phones = ["555-0199-999"]), "same_phone"],
    [
      "the order ships to the referrer's address",
      (f: RedemptionFacts) => (f.friend.address = { address_1: "9 referrer ave.", postal_code: "10002", country_code: "US" }),
      "same_address",
    ],
    ["the friend has ordered before", (f: RedemptionFacts) => (f.friend.prior_orders = 1), "not_new_customer"],
    [
      "the referrer reached the cap",
      (f: RedemptionFacts) => (f.referrer.conversions_in_window = 10),
      "referrer_cap_reached",
    ],
  ])("refuses when %s", (_name, change, reason) => {
    expect(reasonFor(change)).toBe(reason)
  })

  it("lets store owners switch off the address and new-customer rules", () => {
    expect(
      reasonFor((f) => {
        f.program.block_same_address = false
        f.program.new_customers_only = false
        f.friend.phones = ["+1 555 0199 999"]
        f.friend.prior_orders = 3
      })
    ).toBe("ok")
  })

  it("counts the cap as reached only at the limit", () => {
    expect(reasonFor((f) => (f.referrer.conversions_in_window = 9))).toBe("ok")
  })
})
