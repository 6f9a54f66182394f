import { checkMessage, checkSubject } from "../guardrails"
import { annaContext } from "./fixtures"

const ctx = annaContext()
const link = ctx.share_url
const code = ctx.code

describe("checkMessage", () => {
  it("accepts a message with the code, the link and the real offer", () => {
    expect(checkMessage(`Anna here! Get 10% off your first order at Acme Outfitters with my code ${code}: ${link}`, ctx)).toEqual({
      ok: true,
    })
  })

  it("accepts either the code or the link alone", () => {
    expect(checkMessage(`Get 10% off with my code ${code}`, ctx).ok).toBe(true)
    expect(checkMessage(`Get 10% off here: ${link}`, ctx).ok).toBe(true)
    expect(checkMessage(`Get 10% off with my code ${code.toLowerCase()}`, ctx).ok).toBe(true)
  })

  it("accepts every textual form of both sides' amounts", () => {
    for (const amount of ["10%", "10 %", "10 percent", "$10", "$10.00", "10 USD", "USD 10", "10 dollars", "10"]) {
      expect({ amount, result: checkMessage(`You get ${amount} and I get $10.00 in store credit. ${code} ${link}`, ctx) }).toEqual({
        amount,
        result: { ok: true },
      })
    }
  })

  it("ignores digits inside the code, the link and the store's product names", () => {
    const context = annaContext({ code: "ANNA-7K3QX9", share_url: "https://shop.example.com:8443/r/ANNA-7K3QX9?src=2024" })
    expect(checkMessage(`Love my Trail Runner 2 and the Socks 3-Pack! 10% off: ${context.share_url}`, context).ok).toBe(true)
  })

  it("still reads claims inside the store's names, and removes names only as whole words", () => {
    const context = annaContext({ top_products: ["Free"], top_categories: ["Co 2"] })
    expect(checkMessage(`10% off and free shipping: ${link}`, context)).toEqual({ ok: false, reason: "other_discount" })
    expect(checkMessage(`Shop the Co 2 range: 10% off with my code ${code}`, context).ok).toBe(true)
    expect(checkMessage(`Shop the Cozy 2 range: 10% off with my code ${code}`, context)).toEqual({
      ok: false,
      reason: "unknown_number",
    })
  })

  it("rejects an empty message", () => {
    expect(checkMessage("   \n ", ctx)).toEqual({ ok: false, reason: "empty" })
  })

  it("rejects refusals", () => {
    expect(checkMessage("I'm sorry, but I can't help with that.", ctx)).toEqual({ ok: false, reason: "refusal" })
    expect(checkMessage(`As an AI, I cannot write this. ${code}`, ctx)).toEqual({ ok: false, reason: "refusal" })
    expect(checkMessage(`I’m sorry, I can’t assist with that request. ${link}`, ctx)).toEqual({ ok: false, reason: "refusal" })
  })

  it("does not mistake warm phrasing for a refusal", () => {
    expect(checkMessage(`I can't wait for you to try it! 10% off with ${code}: ${link}`, ctx).ok).toBe(true)
  })

  it("rejects a message without the code or the link", () => {
    expect(checkMessage("Get 10% off at Acme Outfitters with my code!", ctx)).toEqual({ ok: false, reason: "missing_code" })
    expect(checkMessage("Get 10% off with code ANNA-7K3QX8", ctx)).toEqual({ ok: false, reason: "missing_code" })
  })

  it.each([
    ["an invented percentage", `Get 50% off with ${code}: ${link}`],
    ["an invented amount", `Get $25 off with ${code}: ${link}`],
    ["the right number in the wrong currency", `Get €10 off with ${code}: ${link}`],
    ["the right number as a written currency code", `Get 10 EUR off with ${code}: ${link}`],
    ["an unrelated number", `Get 10% off for the next 48 hours with ${code}: ${link}`],
    ["a spelled-out amount", `Get ninety percent off with ${code}: ${link}`],
    ["a full-width digit amount", `Get ９０% off with ${code}: ${link}`],
    ["a date", `10% off until 31/12 with ${code}: ${link}`],
  ])("rejects %s", (_label, message) => {
    expect(checkMessage(message, ctx)).toEqual({ ok: false, reason: "unknown_number" })
  })

  it.each([
    ["free shipping", `10% off and free shipping with ${code}: ${link}`],
    ["free delivery", `10% off plus free next-day delivery! ${code} ${link}`],
    ["shipping on us", `10% off and shipping is on us. ${code} ${link}`],
    ["a free gift", `10% off and a free gift with ${code}: ${link}`],
    ["BOGO", `10% off, and it's BOGO this week! ${code} ${link}`],
    ["buy one get one", `Buy one, get one with ${code}: ${link}`],
    ["cashback", `10% off plus cashback with ${code}: ${link}`],
    ["double", `Double rewards this week with ${code}: ${link}`],
    ["half price", `Everything half-price, plus 10% with ${code}: ${link}`],
    ["a sale", `There's a sale on too! 10% off with ${code}: ${link}`],
    ["every order", `10% off every order with ${code}: ${link}`],
    ["a guarantee", `10% off, guaranteed to fit. ${code} ${link}`],
  ])("rejects another discount: %s", (_label, message) => {
    expect(checkMessage(message, ctx)).toEqual({ ok: false, reason: "other_discount" })
  })

  it.each([
    ["an email address", `Write me at anna@example.org! 10% off with ${code}: ${link}`],
    ["a phone number", `Text me on 0176 1234 5678. 10% off with ${code}: ${link}`],
    ["an international phone number", `Call +44 20 7946 0958. ${code} ${link}`],
    ["the last name", `From Anna Smith: 10% off with ${code}: ${link}`],
    ["a private term in another case", `From anna SMITH: 10% off with ${code}: ${link}`],
    ["the referrer's email", `10% off with ${code}: ${link} (anna.smith@example.com)`],
  ])("rejects personal data: %s", (_label, message) => {
    expect(checkMessage(message, ctx)).toEqual({ ok: false, reason: "personal_data" })
  })

  it("matches private terms as whole words, so a short last name does not block common words", () => {
    const context = annaContext({ private_terms: ["Li", "Ng"] })
    expect(checkMessage(`Click my link for 10% off something amazing: ${link}`, context).ok).toBe(true)
    expect(checkMessage(`Anna Li sent you 10% off: ${link}`, context)).toEqual({ ok: false, reason: "personal_data" })
  })

  it("allows a private term inside the code itself", () => {
    const context = annaContext({ code: "SMITH-7K3QX9", share_url: "http://localhost:8000/r/SMITH-7K3QX9", private_terms: ["Smith"] })
    expect(checkMessage("10% off with SMITH-7K3QX9: http://localhost:8000/r/SMITH-7K3QX9", context).ok).toBe(true)
  })

  it("rejects a message over the channel budget", () => {
    const padding = " So good.".repeat(20)
    expect(checkMessage(`10% off with ${code}: ${link}.${padding}`, ctx)).toEqual({ ok: false, reason: "too_long" })
    expect(checkMessage(`10% off with ${code}: ${link}.${padding}`, annaContext({ channel: "whatsapp" })).ok).toBe(true)
  })

  it("counts emoji as one character each", () => {
    const base = `10% off with ${code}: ${link} `
    const emojis = "🎉".repeat(160 - base.length)
    expect(checkMessage(base + emojis, ctx).ok).toBe(true)
    expect(checkMessage(base + emojis + "🎉", ctx)).toEqual({ ok: false, reason: "too_long" })
  })

  it("checks euros with symbol, code and decimal comma", () => {
    const context = annaContext({
      currency_code: "eur",
      offer: {
        referee: { type: "fixed", value: 9.5, currency_code: "eur" },
        referrer: { type: "store_credit", value: 5, currency_code: null },
      },
    })
    for (const amount of ["€9.50", "€9.5", "9,50 €", "9.50 EUR", "EUR 9.50", "9.50€", "5 euros"]) {
      expect({ amount, ok: checkMessage(`${amount} off: ${link}`, context).ok }).toEqual({ amount, ok: true })
    }
    expect(checkMessage(`$9.50 off: ${link}`, context)).toEqual({ ok: false, reason: "unknown_number" })
  })
})

describe("checkSubject", () => {
  it("applies the content rules without requiring the code", () => {
    expect(checkSubject("Anna sent you 10% off at Acme Outfitters", annaContext({ channel: "email" }))).toEqual({ ok: true })
    expect(checkSubject("Anna sent you 90% off", annaContext({ channel: "email" }))).toEqual({ ok: false, reason: "unknown_number" })
    expect(checkSubject("Free shipping from Anna", annaContext({ channel: "email" }))).toEqual({ ok: false, reason: "other_discount" })
    expect(checkSubject("x".repeat(121), annaContext({ channel: "email" }))).toEqual({ ok: false, reason: "too_long" })
  })
})

describe("links and markup", () => {
  it("rejects any link other than the share link", () => {
    for (const other of [
      "https://evil.example.com/win",
      "http://localhost:8000/r/OTHER-CODE",
      "www.evil.example.com",
      "evil.example.com/claim",
      "javascript://alert",
    ]) {
      expect({ other, result: checkMessage(`Get 10% off with ${code} ${link} and see ${other}`, ctx) }).toEqual({
        other,
        result: { ok: false, reason: "link" },
      })
    }
    expect(checkSubject("Claim it at https://evil.example.com", ctx)).toEqual({ ok: false, reason: "link" })
  })

  it("rejects HTML tags and markdown links or images, even around the share link", () => {
    for (const message of [
      `Get 10% off with <b>${code}</b>: ${link}`,
      `Get 10% off: <a href="${link}">${code}</a>`,
      `Get 10% off with ${code}: [my link](${link})`,
      `Get 10% off with ${code} ${link} ![pic](${link})`,
      `Get 10% off with ${code} ${link} <!-- hidden -->`,
    ]) {
      expect({ message, result: checkMessage(message, ctx) }).toEqual({ message, result: { ok: false, reason: "markup" } })
    }
  })

  it("still accepts plain text with the share link, a sentence-ending dot and brackets", () => {
    expect(checkMessage(`Get 10% off (my treat) with ${code} at ${link}. Enjoy!`, ctx)).toEqual({ ok: true })
    expect(checkMessage(`Get 10% off with ${code} :) ${link}`, ctx)).toEqual({ ok: true })
  })
})
