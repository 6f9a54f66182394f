import { referralCodeCandidates, currencyPromotionCode, otherCurrencyAmounts } from "../currency-promotions"
import { offersCurrency, refereeAmounts, referrerRewardFor, type ArmLike } from "../offer"
import { expectedOfferCost } from "../offer-cost"

const fixed: ArmLike = {
  id: "refarm_fixed",
  referee_type: "fixed",
  referee_value: 15,
  referee_currency_code: "usd",
  referee_amounts: { EUR: 14 },
  referrer_type: "store_credit",
  referrer_value: 10,
  referrer_currency_code: null,
  referrer_amounts: { eur: 9 },
}

describe("offers in several currencies", () => {
  it("lists the friend's fixed discount in its main currency and the listed others, and offers it only there", () => {
    expect(refereeAmounts(fixed)).toEqual({ usd: 15, eur: 14 })
    expect(otherCurrencyAmounts(fixed)).toEqual({ eur: 14 })
    expect(offersCurrency(fixed, "EUR")).toBe(true)
    expect(offersCurrency(fixed, "jpy")).toBe(false)
    expect(offersCurrency({ ...fixed, referee_type: "percentage" }, "jpy")).toBe(true)
  })

  it("pays the referrer the amount listed for their currency, the main one in the store's currency when unnamed, or nothing", () => {
    expect(referrerRewardFor(fixed, "usd", "usd")).toEqual({ kind: "store_credit", amount: 10, currency_code: "usd" })
    expect(referrerRewardFor(fixed, "EUR", "usd")).toEqual({ kind: "store_credit", amount: 9, currency_code: "eur" })
    expect(referrerRewardFor(fixed, "jpy", "usd")).toBeNull()
    // Unnamed currency means the store's: never "10" in whatever currency the order was.
    expect(referrerRewardFor({ ...fixed, referrer_amounts: null }, "eur", "usd")).toBeNull()
    expect(referrerRewardFor({ ...fixed, referrer_type: "percentage", referrer_value: 20 }, "jpy", "usd")).toEqual({
      kind: "promotion",
      amount: 20,
      currency_code: "jpy",
      promotion_type: "percentage",
    })
  })

  it("prices an offer in one currency at that currency's average order, and not at all where it lists no amount", () => {
    expect(expectedOfferCost(fixed, 100, "eur", "usd")).toBe(14 + 9)
    expect(expectedOfferCost({ ...fixed, referee_type: "percentage", referee_value: 10 }, 200, "usd", "usd")).toBe(20 + 10)
    expect(expectedOfferCost(fixed, 100, "gbp", "usd")).toBeNull()
  })

  it("maps a currency promotion's code back to its referral code", () => {
    expect(currencyPromotionCode("anna-7k3qx9", "eur")).toBe("ANNA-7K3QX9-EUR")
    expect(referralCodeCandidates(["anna-7k3qx9-eur", "ANNA-7K3QX9"])).toEqual(["ANNA-7K3QX9-EUR", "ANNA-7K3QX9"])
  })
})
