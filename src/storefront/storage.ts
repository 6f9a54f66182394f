/**
 * Where the kit keeps a browser's anonymous visitor id and the referral code
 * it arrived with: localStorage and a first-party cookie (so a server-rendered
 * storefront can read them too). Pure over a small `KeyValueStore`, so the
 * logic is testable and SSR-safe (`memoryStore()` where there is no browser).
 */
export type KeyValueStore = {
  get(key: string): string | null
  set(key: string, value: string, maxAgeDays: number): void
  remove(key: string): void
}

export const VISITOR_KEY = "sr_visitor_id"
export const REMEMBERED_KEY = "sr_referral"
/** How long a landing's code waits for the friend's cart. */
export const REMEMBER_DAYS = 30
const VISITOR_DAYS = 365

/** A code remembered from a landing or a lookup, with how it was found. */
export type RememberedReferral = {
  code: string
  source: "link" | "name" | "code"
  /** The referrer's first name, when known, for the banner. */
  referrer_first_name?: string | null
  /** When it was remembered (ms since epoch). */
  at: number
  /** The cart it was applied to, once it was. */
  cart_id?: string | null
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>()
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  }
}

/** localStorage and a first-party cookie together; either one surviving is enough. Falls back to memory outside a browser. */
export function browserStore(): KeyValueStore {
  const g = globalThis as { localStorage?: Storage; document?: { cookie: string } }
  if (!g.document && !g.localStorage) return memoryStore()
  const readCookie = (key: string) => {
    const match = g.document?.cookie.split("; ").find((part) => part.startsWith(`${key}=`))
    return match ? decodeURIComponent(match.slice(key.length + 1)) : null
  }
  const local = (): Storage | null => {
    try {
      return g.localStorage ?? null
    } catch {
      return null // storage disabled
    }
  }
  return {
    get: (key) => local()?.getItem(key) ?? readCookie(key),
    set: (key, value, maxAgeDays) => {
      try {
        local()?.setItem(key, value)
      } catch {
        // full or disabled: the cookie still holds it
      }
      if (g.document) {
        g.document.cookie = `${key}=${encodeURIComponent(value)}; Max-Age=${Math.round(maxAgeDays * 86400)}; Path=/; SameSite=Lax`
      }
    },
    remove: (key) => {
      try {
        local()?.removeItem(key)
      } catch {
        // nothing to remove
      }
      if (g.document) g.document.cookie = `${key}=; Max-Age=0; Path=/; SameSite=Lax`
    },
  }
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/** The browser's anonymous visitor id, created on first use and kept a year. */
export function visitorId(store: KeyValueStore): string {
  const known = store.get(VISITOR_KEY)
  if (known) return known
  const id = `v_${randomId()}`
  store.set(VISITOR_KEY, id, VISITOR_DAYS)
  return id
}

export function rememberReferral(store: KeyValueStore, referral: Omit<RememberedReferral, "at"> & { at?: number }, now = Date.now()) {
  const value: RememberedReferral = { ...referral, code: referral.code.trim().toUpperCase(), at: referral.at ?? now }
  store.set(REMEMBERED_KEY, JSON.stringify(value), REMEMBER_DAYS)
  return value
}

/** The remembered code, unless it is older than REMEMBER_DAYS or unreadable. */
export function rememberedReferral(store: KeyValueStore, now = Date.now()): RememberedReferral | null {
  const raw = store.get(REMEMBERED_KEY)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as RememberedReferral
    if (typeof value?.code !== "string" || !value.code || typeof value.at !== "number") throw new Error("malformed")
    if (now - value.at > REMEMBER_DAYS * 86400 * 1000) {
      store.remove(REMEMBERED_KEY)
      return null
    }
    return value
  } catch {
    store.remove(REMEMBERED_KEY)
    return null
  }
}

export function forgetReferral(store: KeyValueStore) {
  store.remove(REMEMBERED_KEY)
}
