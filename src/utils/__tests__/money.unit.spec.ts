import { sumByCurrency } from "../money"

describe("sumByCurrency", () => {
  it("adds decimal amounts exactly, per currency", () => {
    expect(
      sumByCurrency([
        { amount: 0.1, currency_code: "usd" },
        { amount: 0.2, currency_code: "USD" },
        { amount: 10, currency_code: "eur" },
      ])
    ).toEqual([
      { amount: 10, currency_code: "eur" },
      { amount: 0.3, currency_code: "usd" },
    ])
  })
})
