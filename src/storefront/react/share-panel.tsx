import { useEffect, useMemo, useState } from "react"
import { markPromptShared, markPromptShown, type ReferralSdk } from "../client"
import { shareOfferText } from "../banner"
import { canWebShare, copyLink, qrSvg, shareLinks, webShare, type ShareChannel } from "../share"
import type { StoreMyReferralsResponse } from "../../types/http/store"
import { useMyReferrals } from "./use-my-referrals"

const CHANNEL_LABELS: Record<ShareChannel, string> = {
  email: "Email",
  sms: "SMS",
  whatsapp: "WhatsApp",
  x: "X",
  facebook: "Facebook",
}

export type SharePanelProps = {
  sdk: ReferralSdk
  /** Already loaded referrals (e.g. by a ReferralCard); loaded here otherwise. */
  referrals?: StoreMyReferralsResponse | null
  /** The headline; defaults to the offer ("Give $10 off, get $5 in store credit."). */
  title?: string
  /** The currency of amounts the offer leaves to the order (e.g. the region's). */
  currencyCode?: string | null
  className?: string
}

/**
 * The shopper's code, link and QR with a button per channel, copy and the
 * device's share sheet. Records the live prompt as shown, and each share on
 * its channel. Unstyled: class names `sr-share-*` for your CSS.
 */
export function SharePanel({ sdk, referrals, title, currencyCode, className }: SharePanelProps) {
  const loaded = useMyReferrals(sdk)
  const data = referrals ?? loaded.data
  const [qr, setQr] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const url = data?.referral_code.share_url
  const promptId = data?.prompt?.id ?? null
  const text = data?.prompt?.message ?? undefined
  const content = useMemo(() => (url ? { url, text, subject: "A gift for you" } : null), [url, text])

  useEffect(() => {
    if (url) qrSvg(url).then(setQr, () => setQr(null))
  }, [url])
  useEffect(() => {
    if (promptId) markPromptShown(sdk, promptId).catch(() => undefined)
  }, [sdk, promptId])

  if (!data || !content) {
    return <div className={className} data-testid="sr-share-panel-loading">{loaded.error ?? "Loading your referral link…"}</div>
  }
  const shared = (channel: Parameters<typeof markPromptShared>[2]) => {
    if (promptId) markPromptShared(sdk, promptId, channel).catch(() => undefined)
  }
  const links = shareLinks(content)
  return (
    <section className={className ?? "sr-share-panel"} data-testid="sr-share-panel">
      <h3 className="sr-share-title">{title ?? shareOfferText(data.referral_code.offer, { currencyCode }) ?? "Share with friends"}</h3>
      <p className="sr-share-code">
        Your code: <strong data-testid="sr-share-code">{data.referral_code.code}</strong>
      </p>
      <p className="sr-share-link">
        <a href={content.url} data-testid="sr-share-link">{content.url}</a>
      </p>
      <div className="sr-share-buttons">
        <button
          type="button"
          data-testid="sr-share-copy"
          onClick={async () => {
            setCopied(await copyLink(content))
            shared("copy_link")
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
        {canWebShare(content) && (
          <button type="button" onClick={async () => (await webShare(content)) && shared("other")}>
            Share…
          </button>
        )}
        {(Object.keys(CHANNEL_LABELS) as ShareChannel[]).map((channel) => (
          <a
            key={channel}
            href={links[channel]}
            target="_blank"
            rel="noopener noreferrer"
            data-testid={`sr-share-${channel}`}
            onClick={() => shared(channel)}
          >
            {CHANNEL_LABELS[channel]}
          </a>
        ))}
      </div>
      {qr && <div className="sr-share-qr" data-testid="sr-share-qr" style={{ width: 160 }} dangerouslySetInnerHTML={{ __html: qr }} />}
    </section>
  )
}
