/**
 * The store the browser tests drive: the admin built for production, a Medusa
 * server started as a store runs it (`medusa start`, serving the built admin),
 * a fresh database, and data made through the same HTTP APIs a storefront and
 * an admin use, so every screen has real numbers to show.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from "fs"
import path from "path"
import { freePort, medusaCli, recreateDatabase, startMedusa, type MedusaServer } from "../../tools/medusa-process"
import { createShopperPopulation } from "../../tools/shopper-population"
import { StoreApi } from "../../tools/store-api"

const ROOT = path.resolve(__dirname, "../..")
const DATABASE = "smart_referrals_e2e"
export const ADMIN_USER = { email: "admin@e2e.shop", password: "smart-referrals-e2e" }

export type AdminStore = { url: string; api: StoreApi; server: MedusaServer; close: () => Promise<void> }

/**
 * `medusa build --admin-only` writes the dashboard, with this plugin's widgets
 * and page, to .medusa/admin. Outside development, Medusa serves the admin from
 * `<root>/public/admin`, so that path links to the build.
 * SMART_REFERRALS_E2E_REUSE_BUILD=true skips the build when one exists (local reruns).
 */
export function buildAdmin() {
  const built = path.join(ROOT, ".medusa/admin")
  if (!(process.env.SMART_REFERRALS_E2E_REUSE_BUILD === "true" && existsSync(path.join(built, "index.html")))) {
    medusaCli(["build", "--admin-only"], { ...process.env, MEDUSA_ADMIN_DISABLED: "false" })
  }
  const served = path.join(ROOT, "public/admin")
  mkdirSync(path.dirname(served), { recursive: true })
  rmSync(served, { recursive: true, force: true })
  symlinkSync(built, served, "dir")
}


export async function startAdminStore(): Promise<AdminStore> {
  buildAdmin()
  const databaseUrl = await recreateDatabase(DATABASE)
  const port = await freePort()
  const origin = `http://localhost:${port}`
  const env = {
    ...process.env,
    // Not "development" (that serves the admin through Vite) and not "production" (secure cookies over http).
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    MEDUSA_ADMIN_DISABLED: "false",
    ADMIN_CORS: origin,
    AUTH_CORS: origin,
    STORE_CORS: origin,
  }
  medusaCli(["db:migrate"], env)
  medusaCli(["user", "-e", ADMIN_USER.email, "-p", ADMIN_USER.password], env)
  const server = await startMedusa("start", { port, env, log: "quiet" })
  const api = new StoreApi(server.url)
  await api.loginAdmin(ADMIN_USER.email, ADMIN_USER.password)
  const close = async () => {
    await server.stop()
    await recreateDatabase(DATABASE).catch(() => undefined)
    // Vite copies <root>/public into every build: left behind, the link would put the whole dashboard into the plugin's package.
    rmSync(path.join(ROOT, "public"), { recursive: true, force: true })
  }
  return { url: server.url, api, server, close }
}

/**
 * A small loop with every kind of record: referrers with prompts, shares,
 * clicks, referred orders and rewards, a self-referral refused, a second offer,
 * the network computed, an experiment, and one conversion waiting for review.
 */
export async function seedLoop(api: StoreApi) {
  await api.seedStore()
  await api.admin("POST", "/admin/referrals/program", { reward_hold_days: 0, reward_hold_starts: "order_placed" })
  await api.admin("POST", "/admin/referrals/arms", {
    name: "Give $5, get $5",
    referee_type: "fixed",
    referee_value: 5,
    referee_currency_code: "usd",
    referrer_type: "store_credit",
    referrer_value: 5,
  })
  const log = await createShopperPopulation(api, { seed: 7, referrers: 4, friendsPerReferrer: 3 })
  await api.admin("POST", "/admin/referrals/rewards/release")
  // The network is computed on the worker: queue it, then wait until its run is done.
  const { run } = await api.admin("POST", "/admin/referrals/network/compute")
  await waitFor(async () => {
    const { run: polled } = await api.admin("GET", `/admin/referrals/network/compute/${run.id}`)
    return polled.status === "done" ? polled : undefined
  })

  // One more friend while every conversion needs review: the review queue's entry.
  await api.admin("POST", "/admin/referrals/program", { require_review: true })
  const referrer = await api.signUp("reviewed.referrer@demo.shop", "Rhea")
  await api.checkout(referrer.token, "reviewed.referrer@demo.shop", 0)
  const { referral_code } = await api.store("GET", "/store/referrals/me", undefined, referrer.token)
  const friend = await api.signUp("reviewed.friend@demo.shop", "Rolf")
  await api.checkout(friend.token, "reviewed.friend@demo.shop", 1, referral_code.code)
  const review = await waitFor(async () => {
    const { referrals } = await api.admin("GET", "/admin/referrals?status=review")
    return referrals[0]
  })
  await api.admin("POST", "/admin/referrals/program", { require_review: false })
  return { log, review, referrer }
}

export async function waitFor<T>(read: () => Promise<T | undefined | null>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error("Timed out waiting for the store to settle")
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
