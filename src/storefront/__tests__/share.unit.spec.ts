import { canWebShare, copyLink, qrSvg, shareLinks, webShare } from "../share"

const content = { url: "https://shop.test/r/ANNA-7KQ2MX", text: "Anna gave you $10 off & free shipping", subject: "A gift" }

describe("share links", () => {
  const links = shareLinks(content)

  it("puts the message and the link in email, SMS and WhatsApp, encoded", () => {
    expect(links.email).toBe(
      "mailto:?subject=A%20gift&body=Anna%20gave%20you%20%2410%20off%20%26%20free%20shipping%20https%3A%2F%2Fshop.test%2Fr%2FANNA-7KQ2MX"
    )
    expect(links.sms).toBe(`sms:?&body=${encodeURIComponent(`${content.text} ${content.url}`)}`)
    expect(new URL(links.whatsapp).searchParams.get("text")).toBe(`${content.text} ${content.url}`)
  })

  it("gives X the text and the link apart, and Facebook the link only", () => {
    const x = new URL(links.x)
    expect(x.searchParams.get("text")).toBe(content.text)
    expect(x.searchParams.get("url")).toBe(content.url)
    const facebook = new URL(links.facebook)
    expect([...facebook.searchParams.keys()]).toEqual(["u"])
    expect(facebook.searchParams.get("u")).toBe(content.url)
  })

  it("shares the bare link when there is no message", () => {
    const bare = shareLinks({ url: content.url })
    expect(new URL(bare.whatsapp).searchParams.get("text")).toBe(content.url)
    expect(new URL(bare.x).searchParams.has("text")).toBe(false)
  })
})

describe("Web Share and clipboard", () => {
  it("uses the Web Share API only where the device has it, and reports a dismissed sheet", async () => {
    expect(canWebShare(content, {})).toBe(false)
    expect(await webShare(content, {})).toBe(false)
    const shared: unknown[] = []
    const phone = { share: async (data: unknown) => void shared.push(data), canShare: () => true }
    expect(await webShare(content, phone)).toBe(true)
    expect(shared).toEqual([{ url: content.url, text: content.text, title: content.subject }])
    const dismissed = { share: async () => Promise.reject(new Error("AbortError")) }
    expect(await webShare(content, dismissed)).toBe(false)
  })

  it("copies the message with the link, and says when the clipboard is refused", async () => {
    let copied = ""
    expect(await copyLink(content, { clipboard: { writeText: async (text) => void (copied = text) } })).toBe(true)
    expect(copied).toBe(`${content.text} ${content.url}`)
    expect(await copyLink(content, { clipboard: { writeText: () => Promise.reject(new Error("denied")) } })).toBe(false)
    expect(await copyLink(content, {})).toBe(false)
  })
})

describe("QR code", () => {
  it("renders the link as a square SVG of dark modules, the same for the same link", async () => {
    const svg = await qrSvg(content.url)
    expect(svg.startsWith("<svg")).toBe(true)
    const [, width, height] = svg.match(/viewBox="0 0 (\d+) (\d+)"/) ?? []
    expect(Number(width)).toBeGreaterThanOrEqual(21 + 2)
    expect(width).toBe(height)
    expect(svg).toContain('stroke="#000000"')
    expect(await qrSvg(content.url)).toBe(svg)
    expect(await qrSvg(`${content.url}X`)).not.toBe(svg)
  })
})
