/**
 * Share helpers for a referral link, browser-safe (no Node APIs): links for
 * email, SMS, WhatsApp, X and Facebook (link only: Facebook's rules forbid
 * prefilled text), copy to clipboard, the Web Share API where the device has
 * it (mobile), and the link as a QR code in SVG.
 */
import QRCode from "qrcode"

export type ShareChannel = "email" | "sms" | "whatsapp" | "x" | "facebook"

export type ShareContent = {
  /** The referral link. */
  url: string
  /** The message, without the link (it is appended where the channel takes text). */
  text?: string
  /** The email's subject. */
  subject?: string
}

const withUrl = (text: string | undefined, url: string) => (text ? `${text} ${url}` : url)

/** One link per channel; open each in a new window (email and SMS open the device's app). */
export function shareLinks({ url, text, subject }: ShareContent): Record<ShareChannel, string> {
  const body = withUrl(text, url)
  return {
    email: `mailto:?subject=${encodeURIComponent(subject ?? "A gift for you")}&body=${encodeURIComponent(body)}`,
    // "?&body=" is understood by both iOS and Android.
    sms: `sms:?&body=${encodeURIComponent(body)}`,
    whatsapp: `https://wa.me/?text=${encodeURIComponent(body)}`,
    x: `https://twitter.com/intent/tweet?${text ? `text=${encodeURIComponent(text)}&` : ""}url=${encodeURIComponent(url)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
  }
}

type ShareNavigator = {
  share?: (data: { url?: string; text?: string; title?: string }) => Promise<void>
  canShare?: (data: { url?: string; text?: string; title?: string }) => boolean
  clipboard?: { writeText(text: string): Promise<void> }
}

const nav = (): ShareNavigator | undefined => (globalThis as { navigator?: ShareNavigator }).navigator

/** Whether the Web Share API can share this link (mostly phones; some desktops). */
export function canWebShare(content: ShareContent, navigator: ShareNavigator | undefined = nav()): boolean {
  if (!navigator?.share) return false
  return navigator.canShare ? navigator.canShare({ url: content.url, text: content.text, title: content.subject }) : true
}

/** Opens the device's share sheet; answers false when the shopper dismissed it or the API is missing. */
export async function webShare(content: ShareContent, navigator: ShareNavigator | undefined = nav()): Promise<boolean> {
  if (!canWebShare(content, navigator)) return false
  try {
    await navigator!.share!({ url: content.url, text: content.text, title: content.subject })
    return true
  } catch {
    return false // dismissed
  }
}

/** Copies the link (with the message when given) to the clipboard; answers whether it could. */
export async function copyLink(content: ShareContent, navigator: ShareNavigator | undefined = nav()): Promise<boolean> {
  try {
    await navigator?.clipboard?.writeText(withUrl(content.text, content.url))
    return !!navigator?.clipboard
  } catch {
    return false // permission refused
  }
}

/** The link as a QR code, an `<svg>` string sized by its viewBox (style its width in CSS). */
export async function qrSvg(url: string, { margin = 1, dark = "#000000", light = "#ffffff" } = {}): Promise<string> {
  return await QRCode.toString(url, { type: "svg", margin, errorCorrectionLevel: "M", color: { dark, light } })
}
