import { allowedAmountForms, clipText, describeOffer, describeOfferPhrase, offerAmountForms } from "../message-context"
import { annaContext } from "./fixtures"

describe("describeOffer", () => {
  it("shows percentages and money as messages must quote them", () => {
    expect(describeOffer({ type: "percentage", value: 10, currency_code: null }, "usd")).toBe("10%")
    expect(describeOffer({ type: "fixed", value: 10, currency_code: null }, "usd")).toBe("$10.00")
    expect(describeOffer({ type: "fixed", value: 9, currency_code: "eur" }, "usd")).toBe("€9.00")
    expect(describeOffer({ type: "store_credit", value: 500, currency_code: null }, "jpy")).toBe("¥500")
    expect(describeOfferPhrase({ type: "store_credit", value: 10, currency_code: null }, "usd")).toBe("$10.00 in store credit")
    expect(describeOfferPhrase({ type: "percentage", value: 15, currency_code: null }, "usd")).toBe("15% off")
  })
})

describe("offerAmountForms", () => {
  it("lists the percentage forms", () => {
    expect(offerAmountForms({ type: "percentage", value: 10, currency_code: null }, "usd")).toEqual(
      expect.arrayContaining(["10", "10%", "10 percent"])
    )
  })

  it("lists the money forms", () => {
    const usd = offerAmountForms({ type: "fixed", value: 10, currency_code: null }, "usd")
    expect(usd).toEqual(expect.arrayContaining(["10", "10.00", "$10", "$10.00", "10 USD", "USD 10", "10 dollars"]))
    const eur = offerAmountForms({ type: "fixed", value: 9, currency_code: "eur" }, "usd")
    expect(eur).toEqual(expect.arrayContaining(["€9", "€9.00", "9 €", "9,00 €", "9 EUR", "EUR 9"]))
    expect(eur).not.toContain("$9")
  })

  it("unites both sides of the offer", () => {
    const forms = allowedAmountForms(annaContext())
    expect(forms).toEqual(expect.arrayContaining(["10%", "$10.00"]))
  })
})

describe("clipText", () => {
  it("flattens control characters and whitespace, then clips by code point", () => {
    expect(clipText("  a\n\tb\u0000c  ", 10)).toBe("a b c")
    expect(clipText("🎉".repeat(5), 3)).toBe("🎉🎉🎉")
  })
})
