import { useState } from "react"
import type { CartWithPromotions, ReferralSdk } from "../client"
import { findReferrer, useReferrer as applyReferrer, type ApplyResult, type KitOptions } from "../landing"

export type WhoReferredYouProps = KitOptions & {
  sdk: ReferralSdk
  /** The shopper's cart, to apply the code to once they confirm. */
  cart: string | CartWithPromotions | null
  /** Called with the outcome of applying the code (e.g. to refresh the cart). */
  onApplied?: (result: ApplyResult) => void
  className?: string
}

/**
 * "Who referred you?" at checkout: the friend types the referrer's email,
 * confirms the first name found, and the code is applied (source "name").
 */
export function WhoReferredYou({ sdk, cart, onApplied, className, store }: WhoReferredYouProps) {
  const [email, setEmail] = useState("")
  const [found, setFound] = useState<{ code: string; first_name: string | null } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const search = async (event: { preventDefault(): void }) => {
    event.preventDefault()
    setBusy(true)
    setMessage(null)
    const result = await findReferrer(sdk, email, { store })
    setBusy(false)
    if (result.ok) setFound(result)
    else setMessage(result.message)
  }
  const confirm = async () => {
    if (!found) return
    setBusy(true)
    const result = await applyReferrer(sdk, found, cart, { store })
    setBusy(false)
    setFound(null)
    setMessage(result.status === "applied" ? `Thanks! ${found.first_name ?? "Your friend"}'s referral is applied.` : "message" in result ? result.message : null)
    onApplied?.(result)
  }

  return (
    <div className={className ?? "sr-who-referred-you"} data-testid="sr-who-referred-you">
      {found ? (
        <p>
          Was it <strong data-testid="sr-referrer-name">{found.first_name ?? "your friend"}</strong>?{" "}
          <button type="button" disabled={busy} onClick={confirm} data-testid="sr-referrer-confirm">
            Yes, apply their referral
          </button>{" "}
          <button type="button" onClick={() => setFound(null)}>
            No
          </button>
        </p>
      ) : (
        <form onSubmit={search}>
          <label>
            Who referred you? Their email{" "}
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="sr-referrer-email" />
          </label>{" "}
          <button type="submit" disabled={busy} data-testid="sr-referrer-find">
            Find
          </button>
        </form>
      )}
      {message && <p role="status" data-testid="sr-referrer-message">{message}</p>}
    </div>
  )
}
