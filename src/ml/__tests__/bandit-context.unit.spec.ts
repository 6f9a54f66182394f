import {
  allContexts,
  contextKey,
  firstOrderSize,
  loyaltyTier,
  VALUE_TIERS,
  valueTier,
  type ValueTierInput,
} from "../bandit/context"

const firstBuyer = (firstOrderTotal: number | null, moment: "purchase" | "later" = "purchase"): ValueTierInput => ({
  orderCount: 1,
  totalSpent: firstOrderTotal ?? 0,
  firstOrderTotal,
  averageOrderValue: 100,
  moment,
})

describe("bandit contexts", () => {
  it("lists 48 distinct contexts: 3 bands × 8 tiers × super-connector", () => {
    const contexts = allContexts()
    const keys = contexts.map(contextKey)
    expect(VALUE_TIERS).toHaveLength(8)
    expect(keys).toHaveLength(48)
    expect(new Set(keys).size).toBe(48)
    expect(keys.every((key) => /^(high|medium|low)\|[a-z_]+\|[01]$/.test(key))).toBe(true)
    expect(keys).toContain("medium|new_large_later|1")
    // The retired single tier "new" is no context any more.
    expect(() => contextKey({ propensity_band: "medium", value_tier: "new" as any, super_connector: false })).toThrow(RangeError)
  })
})

describe("firstOrderSize", () => {
  it("compares a first order with the store's average: small below 0.75×, large above 1.5×, typical on the bounds", () => {
    expect(firstOrderSize(74.99, 100)).toBe("small")
    expect(firstOrderSize(75, 100)).toBe("typical")
    expect(firstOrderSize(100, 100)).toBe("typical")
    expect(firstOrderSize(150, 100)).toBe("typical")
    expect(firstOrderSize(150.01, 100)).toBe("large")
    expect(firstOrderSize(0, 100)).toBe("small")
  })

  it("takes other thresholds as options", () => {
    expect(firstOrderSize(80, 100, { smallFirstOrderRatio: 0.9 })).toBe("small")
    expect(firstOrderSize(130, 100, { largeFirstOrderRatio: 1.2 })).toBe("large")
    expect(firstOrderSize(100, 100, { smallFirstOrderRatio: 1, largeFirstOrderRatio: 1 })).toBe("typical")
  })

  it("refuses bad values and thresholds", () => {
    expect(() => firstOrderSize(-1, 100)).toThrow(RangeError)
    expect(() => firstOrderSize(NaN, 100)).toThrow(RangeError)
    expect(() => firstOrderSize(50, 0)).toThrow(RangeError)
    expect(() => firstOrderSize(50, Infinity)).toThrow(RangeError)
    expect(() => firstOrderSize(50, 100, { smallFirstOrderRatio: -0.1 })).toThrow(RangeError)
    // Large below small would leave no room for "typical".
    expect(() => firstOrderSize(50, 100, { smallFirstOrderRatio: 1.2, largeFirstOrderRatio: 1.1 })).toThrow(RangeError)
    expect(() => firstOrderSize(50, 100, { largeRatio: 2 } as any)).toThrow(RangeError)
  })
})

describe("valueTier", () => {
  it("splits first-time buyers by their first order's size at the purchase", () => {
    expect(valueTier(firstBuyer(40))).toBe("new_small")
    expect(valueTier(firstBuyer(100))).toBe("new_typical")
    expect(valueTier(firstBuyer(400))).toBe("new_large")
  })

  it("and apart when they are asked later (delivery, a review)", () => {
    expect(valueTier(firstBuyer(40, "later"))).toBe("new_small_later")
    expect(valueTier(firstBuyer(100, "later"))).toBe("new_typical_later")
    expect(valueTier(firstBuyer(400, "later"))).toBe("new_large_later")
  })

  it("calls a customer without an order yet typical: nothing to size", () => {
    expect(valueTier({ ...firstBuyer(null), orderCount: 0 })).toBe("new_typical")
    expect(valueTier({ ...firstBuyer(null, "later"), orderCount: 0 })).toBe("new_typical_later")
  })

  it("leaves returning customers regular or vip whatever the order and moment", () => {
    expect(valueTier({ ...firstBuyer(400, "later"), orderCount: 2, totalSpent: 450 })).toBe("regular")
    expect(valueTier({ ...firstBuyer(10), orderCount: 2, totalSpent: 600 })).toBe("vip")
    expect(valueTier({ ...firstBuyer(10), orderCount: 1, totalSpent: 900 }, { regularMinOrders: 1 })).toBe("vip")
  })

  it("refuses an unknown moment and bad counts", () => {
    expect(() => valueTier({ ...firstBuyer(40), moment: "checkout" as any })).toThrow(RangeError)
    expect(() => valueTier({ ...firstBuyer(40), orderCount: -1 })).toThrow(RangeError)
    expect(() => valueTier({ ...firstBuyer(40), averageOrderValue: 0 })).toThrow(RangeError)
  })
})

describe("loyaltyTier", () => {
  it("is new below two orders whatever was spent", () => {
    expect(loyaltyTier(0, 0)).toBe("new")
    expect(loyaltyTier(1, 900)).toBe("new")
    expect(loyaltyTier(2, 100)).toBe("regular")
    expect(loyaltyTier(5, 100)).toBe("vip")
    expect(() => loyaltyTier(2, 0, { vipMinOrders: 1 })).toThrow(RangeError)
  })
})
