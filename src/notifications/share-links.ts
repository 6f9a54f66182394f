import type { ShareLinks } from "../types/notifications"

/**
 * Links that open each app with the message ready to send. X gets the message
 * as the post's text; `copy` is the bare link. (Facebook forbids prefilled
 * text, so it is left to the storefront kit's link-only share.)
 */
export function shareLinks(shareUrl: string, message: string): ShareLinks {
  const text = message.includes(shareUrl) ? message : `${message} ${shareUrl}`
  const q = encodeURIComponent
  return {
    email: `mailto:?subject=${q("A gift for you")}&body=${q(text)}`,
    sms: `sms:?&body=${q(text)}`,
    whatsapp: `https://wa.me/?text=${q(text)}`,
    x: `https://twitter.com/intent/tweet?text=${q(text)}`,
    copy: shareUrl,
  }
}
