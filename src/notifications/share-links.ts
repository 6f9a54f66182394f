import { shareLinks as kitShareLinks } from "../storefront/share"
import type { ShareLinks } from "../types/notifications"

/**
 * The storefront kit's share links for an email: the message as each app's
 * text (the link taken out of it, since each link adds the link itself), and
 * `copy`, the bare link.
 */
export function shareLinks(shareUrl: string, message: string): ShareLinks {
  const text = message.split(shareUrl).join(" ").replace(/\s+/g, " ").trim()
  return { ...kitShareLinks({ url: shareUrl, text: text || undefined }), copy: shareUrl }
}
