import { normalizeAddress, normalizeEmail, normalizePhone } from "../normalize-identity"

describe("identity normalisation", () => {
  it("folds plus-aliases and case for any domain", () => {
    expect(normalizeEmail(" Anna+friend@Example.com ")).toBe("anna@example.com")
  })

  it("ignores dots in Gmail addresses and treats googlemail as gmail", () => {
    expect(normalizeEmail("a.n.n.a+x@googlemail.com")).toBe(normalizeEmail("anna@gmail.com"))
    expect(normalizeEmail("a.nna@example.com")).toBe("a.nna@example.com")
  })

  it("matches phone numbers written with and without country code", () => {
    expect(normalizePhone("+44 7700 900123")).toBe(normalizePhone("07700-900123"))
    expect(normalizePhone("12")).toBeNull()
  })

  it("matches addresses regardless of case and punctuation", () => {
    expect(normalizeAddress({ address_1: "12 Main St.", postal_code: "10115", country_code: "DE" })).toBe(
      normalizeAddress({ address_1: "12 main st", postal_code: "10 115", country_code: "de" })
    )
    expect(normalizeAddress({ address_1: "12 Main St" })).toBeNull()
  })
})
