import { CHANNEL_BUDGETS, SHARE_CHANNELS, SUBJECT_MAX_CHARS, charCount } from "../channels"
import { checkMessage, checkSubject } from "../guardrails"
import { describeOffer } from "../message-context"
import { fnv1a } from "../../ml/hash"
import { renderTemplate, SUBJECTS, TEMPLATES, templateFacts, templateMessage, templateSubject } from "../templates"
import { annaContext, realisticContexts } from "./fixtures"

describe("templates", () => {
  it("has at least three phrasings per channel", () => {
    for (const channel of SHARE_CHANNELS) {
      expect(TEMPLATES[channel].length).toBeGreaterThanOrEqual(3)
    }
  })

  describe.each(SHARE_CHANNELS)("%s", (channel) => {
    it("every phrasing passes the guardrails, fits the budget and carries code, link and offer", () => {
      for (const context of realisticContexts(channel)) {
        TEMPLATES[channel].forEach((_, index) => {
          const message = renderTemplate(context, index)
          expect({ index, store: context.store_name, result: checkMessage(message, context) }).toEqual({
            index,
            store: context.store_name,
            result: { ok: true },
          })
          expect(charCount(message)).toBeLessThanOrEqual(CHANNEL_BUDGETS[channel])
          expect(message).toContain(context.code)
          expect(message).toContain(context.share_url)
          expect(message).toContain(describeOffer(context.offer.referee, context.currency_code))
        })
      }
    })
  })

  it("every subject phrasing passes the subject rules", () => {
    for (const context of realisticContexts("email")) {
      for (const subject of SUBJECTS) {
        const text = subject(templateFacts(context))
        expect(checkSubject(text, context)).toEqual({ ok: true })
        expect(charCount(text)).toBeLessThanOrEqual(SUBJECT_MAX_CHARS)
      }
    }
  })

  it("picks the same phrasing for the same seed, and varies across seeds", () => {
    const context = annaContext({ channel: "whatsapp" })
    expect(templateMessage(context, "prompt_1")).toBe(templateMessage(context, "prompt_1"))
    const seen = new Set(Array.from({ length: 40 }, (_, i) => templateMessage(context, `prompt_${i}`)))
    expect(seen.size).toBe(TEMPLATES.whatsapp.length)
  })

  it("only gives email a subject", () => {
    expect(templateSubject(annaContext({ channel: "email" }), "s")).toEqual(expect.stringContaining("10% off"))
    expect(templateSubject(annaContext({ channel: "sms" }), "s")).toBeNull()
  })

  it("falls back to a phrasing that fits when the chosen one is too long", () => {
    const longUrl = `https://www.a-rather-long-store-domain.example.com/referrals/landing/ANNA-7K3QX9?utm=x`
    const context = annaContext({ share_url: longUrl, store_name: "The Very Long Name Outdoor Supply Company" })
    for (let i = 0; i < 20; i++) {
      const message = templateMessage(context, `seed-${i}`)
      expect(charCount(message)).toBeLessThanOrEqual(CHANNEL_BUDGETS.sms)
      expect(checkMessage(message, context)).toEqual({ ok: true })
    }
  })

  it("hashes with FNV-1a (32-bit)", () => {
    expect(fnv1a("")).toBe(0x811c9dc5)
    expect(fnv1a("a")).toBe(0xe40c292c)
    expect(fnv1a("foobar")).toBe(0xbf9cf968)
  })
})
