import {
  CODE_ALPHABET,
  CODE_SUFFIX_LENGTH,
  codePrefix,
  generateReferralCode,
  normalizeCode,
} from "../referral-code-format"

describe("referral code format", () => {
  it("starts with the first name's letters and uses no look-alike symbols", () => {
    const code = generateReferralCode("Anna-Lena")
    expect(code).toMatch(/^ANNALE-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}$/)
    expect(CODE_ALPHABET).not.toMatch(/[01ILOUV]/)
  })

  it("falls back to a neutral prefix for names without two latin letters", () => {
    expect(codePrefix("李")).toBe("FRIEND")
    expect(codePrefix(undefined)).toBe("FRIEND")
    expect(codePrefix("Zoë")).toBe("ZOE")
  })

  it("draws every suffix symbol from the random source", () => {
    let i = 0
    const code = generateReferralCode("Bo", () => i++ % CODE_ALPHABET.length)
    expect(code).toBe(`BO-${CODE_ALPHABET.slice(0, 6)}`)
  })

  it("carries at least 29 bits of randomness per prefix", () => {
    expect(CODE_SUFFIX_LENGTH * Math.log2(new Set(CODE_ALPHABET).size)).toBeGreaterThanOrEqual(29)
  })

  it("normalises what a shopper types", () => {
    expect(normalizeCode("  anna-7k3qx9 ")).toBe("ANNA-7K3QX9")
  })
})
