import type {
  ReferralNotificationData,
  ReferralNotificationKind,
  RenderedNotification,
  ShareLinks,
} from "../types/notifications"

/**
 * The plugin's plain default templates, sent as the notification's `content`
 * so a provider that sends raw content (or the local one) needs no template
 * of its own. Every value a customer supplied is HTML-escaped.
 */
export function renderNotification<K extends ReferralNotificationKind>(
  kind: K,
  data: ReferralNotificationData[K]
): RenderedNotification {
  return RENDERERS[kind](data as never)
}

const RENDERERS: { [K in ReferralNotificationKind]: (data: ReferralNotificationData[K]) => RenderedNotification } = {
  ask: (d) =>
    compose({
      subject: `Share ${d.offer.referee.label} with a friend`,
      greeting: d.customer.first_name,
      paragraphs: [
        `Friends you invite get ${d.offer.referee.label} with your code ${d.code}, and you earn ${d.offer.referrer.label} for each friend's first order.`,
        d.message,
        `Your link: ${d.share_url}`,
      ],
      shareLinks: d.share_links,
      qrDataUrl: d.qr_code_data_url,
      footer: `The offer is good until ${day(d.expires_at)}. Don't want these invitations? Unsubscribe: ${d.unsubscribe_url}`,
      footerLink: d.unsubscribe_url,
    }),
  friend_joined: (d) =>
    compose({
      subject: `${d.friend_first_name ?? "A friend"} joined with your code`,
      greeting: d.customer.first_name,
      paragraphs: [
        `${d.friend_first_name ?? "A friend you invited"} placed their first order with your code.`,
        d.reward.release_at
          ? `Your reward of ${d.reward.label} will be released on ${day(d.reward.release_at)}, once the return window has passed.`
          : `Your reward of ${d.reward.label} is on its way.`,
      ],
    }),
  reward_issued: (d) =>
    compose({
      subject: `Your referral reward: ${d.reward.label}`,
      greeting: d.customer.first_name,
      paragraphs: [`Thank you for referring a friend. Your reward of ${d.reward.label} is ready.`, d.how_to_use],
    }),
  reward_revoked: (d) =>
    compose({
      subject: "An update on your referral reward",
      greeting: d.customer.first_name,
      paragraphs: [
        `Your friend's order was canceled or returned, so the referral reward of ${d.reward.label} no longer applies.`,
        "Thank you for sharing all the same.",
      ],
    }),
  offer_expiring: (d) =>
    compose({
      subject: `Your friends' offer ends on ${day(d.expires_at)}`,
      greeting: d.customer.first_name,
      paragraphs: [
        `The ${d.offer.referee.label} you shared with code ${d.code} ends on ${day(d.expires_at)}. There is still time for friends to use it.`,
        `Your link: ${d.share_url}`,
      ],
      shareLinks: d.share_links,
      footer: `Don't want these invitations? Unsubscribe: ${d.unsubscribe_url}`,
      footerLink: d.unsubscribe_url,
    }),
}

type Parts = {
  subject: string
  greeting: string | null
  paragraphs: string[]
  shareLinks?: ShareLinks
  qrDataUrl?: string
  footer?: string
  footerLink?: string
}

function compose(parts: Parts): RenderedNotification {
  const hello = `Hi${parts.greeting ? ` ${parts.greeting}` : ""},`
  const links = parts.shareLinks
    ? [
        ["Email", parts.shareLinks.email],
        ["SMS", parts.shareLinks.sms],
        ["WhatsApp", parts.shareLinks.whatsapp],
        ["X", parts.shareLinks.x],
        ["Facebook", parts.shareLinks.facebook],
      ]
    : []
  const text = [
    hello,
    ...parts.paragraphs,
    ...(links.length ? [`Share by ${links.map(([name, href]) => `${name}: ${href}`).join("\n")}`] : []),
    ...(parts.footer ? [parts.footer] : []),
  ].join("\n\n")
  const html = [
    `<p>${escapeHtml(hello)}</p>`,
    ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(links.length
      ? [`<p>${links.map(([name, href]) => `<a href="${escapeHtml(href)}">${escapeHtml(name)}</a>`).join(" · ")}</p>`]
      : []),
    ...(parts.qrDataUrl ? [`<p><img src="${parts.qrDataUrl}" width="160" height="160" alt="QR code of your link"></p>`] : []),
    ...(parts.footerLink
      ? [`<p style="font-size:12px;color:#666"><a href="${escapeHtml(parts.footerLink)}">Unsubscribe from invitations</a></p>`]
      : []),
  ].join("\n")
  return { subject: parts.subject, text, html }
}

function day(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10)
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}
