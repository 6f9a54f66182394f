import type { StoreApi } from "./store-api"

const FIRST_NAMES = ["Anna", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Kira", "Liam"]

/** A small seeded generator, so every demo run simulates the same shoppers. */
function mulberry32(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type PopulationOptions = { seed: number; referrers: number; friendsPerReferrer: number }

/**
 * Referrers sign up and buy; each shares with a few friends, who click the
 * link with some probability, then may sign up and check out with the code.
 * One referrer also tries their own code, which the store refuses.
 */
export async function createShopperPopulation(api: StoreApi, options: PopulationOptions) {
  const random = mulberry32(options.seed)
  const log = {
    signups: 0,
    shares: 0,
    checkouts: 0,
    refused: 0,
    prompts: 0,
    examples: [] as { token: string; prompt_message: string; source: string }[],
  }

  for (let r = 0; r < options.referrers; r++) {
    const name = FIRST_NAMES[r % FIRST_NAMES.length]
    const email = `${name.toLowerCase()}.${r}@demo.shop`
    const referrer = await api.signUp(email, name)
    log.signups++
    await api.checkout(referrer.token, email, r)
    log.checkouts++
    // The first order is a viral moment: the prompt (offer and message) appears in the account.
    const { referral_code, prompt } = await waitForPrompt(api, referrer.token)
    if (prompt) {
      log.prompts++
      await api.store("POST", `/store/referrals/me/prompt/${prompt.id}/shown`, {}, referrer.token)
      log.examples.push({ token: referrer.token, prompt_message: prompt.message, source: prompt.message_source })
    }

    if (r === 0) {
      try {
        await api.checkout(referrer.token, email, r, referral_code.code)
      } catch {
        log.refused++
      }
    }

    for (let f = 0; f < options.friendsPerReferrer; f++) {
      // One share per friend invited, recorded on the prompt when there is one.
      log.shares++
      if (prompt) {
        await api.store("POST", `/store/referrals/me/prompt/${prompt.id}/shared`, { channel: "whatsapp" }, referrer.token)
      }
      if (random() > 0.7) {
        continue
      }
      const visitor = `visitor-${r}-${f}`
      await api.store("POST", "/store/referrals/clicks", { code: referral_code.code, visitor_id: visitor })
      if (random() > 0.75) {
        continue
      }
      const friendEmail = `friend.${r}.${f}@demo.shop`
      const friend = await api.signUp(friendEmail, `Friend${f}`)
      log.signups++
      await api.checkout(friend.token, friendEmail, r + f + 1, referral_code.code)
      log.checkouts++
    }
  }
  // Subscribers attribute orders after checkout answers; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  return log
}

/** The moment is evaluated from the order's event, just after checkout answers. */
async function waitForPrompt(api: StoreApi, token: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const me = await api.store("GET", "/store/referrals/me", undefined, token)
    if (me.prompt) {
      return me
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return await api.store("GET", "/store/referrals/me", undefined, token)
}
