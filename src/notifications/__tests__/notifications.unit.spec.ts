import { renderNotification, shareLinks, unsubscribeToken, verifyUnsubscribeToken } from ".."
import { resolveNotificationOptions } from "../../utils/notification-options"
import type { ReferralAskData } from "../../types/notifications"

const side = (label: string) => ({ type: "percentage" as const, value: 10, currency_code: null, label })

const ask = (overrides: Partial<ReferralAskData> = {}): ReferralAskData => ({
  customer: { id: "cus_1", first_name: "Anna" },
  code: "ANNA-7K3QXZ",
  share_url: "https://shop.example/r/ANNA-7K3QXZ",
  message: "Try this shop: 10% off with ANNA-7K3QXZ https://shop.example/r/ANNA-7K3QXZ",
  offer: { referee: side("10% off"), referrer: side("$10.00 in store credit") },
  moment: "delivery.created",
  expires_at: "2027-01-03T10:00:00.000Z",
  share_links: shareLinks("https://shop.example/r/ANNA-7K3QXZ", "hi"),
  qr_code_data_url: "data:image/png;base64,AAAA",
  qr_code_svg: "<svg></svg>",
  unsubscribe_url: "https://shop.example/referrals/unsubscribe?token=a.b&x=1",
  ...overrides,
})

describe("unsubscribe tokens", () => {
  it("names the customer they were made for, under the same secret only", () => {
    const token = unsubscribeToken("cus_01ABC", "secret-1")
    expect(verifyUnsubscribeToken(token, "secret-1")).toBe("cus_01ABC")
    expect(verifyUnsubscribeToken(token, "secret-2")).toBeNull()
  })

  it("refuses a token whose customer part was swapped or whose shape is wrong", () => {
    const [, signature] = unsubscribeToken("cus_A", "s").split(".")
    const swapped = `${Buffer.from("cus_B").toString("base64url")}.${signature}`
    expect(verifyUnsubscribeToken(swapped, "s")).toBeNull()
    for (const bad of ["", "abc", "a.b.c", ".", `${Buffer.from("cus_A").toString("base64url")}.`]) {
      expect(verifyUnsubscribeToken(bad, "s")).toBeNull()
    }
  })
})

describe("share links", () => {
  it("carry the message with the link, encoded for each app; copy is the bare link", () => {
    const links = shareLinks("https://s.example/r/AB-1", "10% off & more")
    const expected = encodeURIComponent("10% off & more https://s.example/r/AB-1")
    expect(links.whatsapp).toBe(`https://wa.me/?text=${expected}`)
    expect(links.sms).toBe(`sms:?&body=${expected}`)
    expect(links.x).toBe(`https://twitter.com/intent/tweet?text=${encodeURIComponent("10% off & more")}&url=${encodeURIComponent("https://s.example/r/AB-1")}`)
    expect(links.facebook).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent("https://s.example/r/AB-1")}`)
    expect(links.email).toContain(`body=${expected}`)
    expect(links.copy).toBe("https://s.example/r/AB-1")
  })

  it("do not repeat the link when the message already holds it", () => {
    const links = shareLinks("https://s.example/r/AB-1", "Use https://s.example/r/AB-1 now")
    expect(decodeURIComponent(links.whatsapp.split("text=")[1])).toBe("Use now https://s.example/r/AB-1")
  })
})

describe("default templates", () => {
  it("render the ask with code, offer, share links, QR and the unsubscribe link", () => {
    const { subject, text, html } = renderNotification("ask", ask())
    expect(subject).toBe("Share 10% off with a friend")
    expect(text).toContain("ANNA-7K3QXZ")
    expect(text).toContain("$10.00 in store credit")
    expect(text).toContain("Unsubscribe: https://shop.example/referrals/unsubscribe?token=a.b&x=1")
    expect(html).toContain('<img src="data:image/png;base64,AAAA"')
    expect(html).toContain('href="https://shop.example/referrals/unsubscribe?token=a.b&amp;x=1"')
    expect(html).toContain('href="https://wa.me/?text=hi%20https%3A%2F%2Fshop.example%2Fr%2FANNA-7K3QXZ"')
    expect(html).toContain('href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2Fr%2FANNA-7K3QXZ"')
  })

  it("escape what a customer typed, so a name cannot inject markup", () => {
    const { html } = renderNotification("ask", ask({ customer: { id: "c", first_name: '<script>alert("x")</script>' } }))
    expect(html).not.toContain("<script>")
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
  })

  it("say when a held reward will be released, and never name the friend beyond a first name", () => {
    const { text } = renderNotification("friend_joined", {
      customer: { id: "c", first_name: "Gina" },
      friend_first_name: null,
      reward: { kind: "store_credit", amount: 10, currency_code: "usd", label: "$10.00 in store credit", release_at: "2027-01-03T00:00:00.000Z" },
    })
    expect(text).toContain("A friend you invited placed their first order")
    expect(text).toContain("released on 2027-01-03")
  })
})

describe("notification options", () => {
  it("fill defaults: email, every kind on except the expiry reminder", () => {
    const options = resolveNotificationOptions()
    expect(options.channel).toBe("email")
    expect(options.send).toEqual({ ask: true, friend_joined: true, reward_issued: true, reward_revoked: true, offer_expiring: false })
    expect(options.templates.ask).toBe("smart-referrals-ask")
  })

  it("take a store's template names and switches", () => {
    const options = resolveNotificationOptions({ templates: { ask: "d-123" }, send: { reward_revoked: false } })
    expect(options.templates).toMatchObject({ ask: "d-123", friend_joined: "smart-referrals-friend-joined" })
    expect(options.send.reward_revoked).toBe(false)
  })

  it("refuse an unknown kind, a reminder window out of range and an unsubscribe page without {token}", () => {
    expect(() => resolveNotificationOptions({ send: { asks: true } as never })).toThrow(/notifications.asks: unknown kind/)
    expect(() => resolveNotificationOptions({ reminder_days_before: 0 })).toThrow(/reminder_days_before/)
    expect(() => resolveNotificationOptions({ unsubscribe_url_template: "https://shop/unsub" })).toThrow(/\{token\}/)
  })
})
