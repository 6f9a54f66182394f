/**
 * The demo store: a fresh database, a Medusa server with the plugin, a small
 * catalogue seeded through the admin API, and a few dozen simulated shoppers
 * who sign up, share, click, redeem and check out through the store API.
 * Prints the loop's funnel, then keeps serving the admin until stopped.
 *
 *   npm run demo            # keep the server running (admin at http://localhost:9000/app)
 *   npm run demo -- --once  # print the funnel and exit
 */
import { existsSync, readFileSync, rmSync } from "fs"
import os from "os"
import path from "path"
import { medusaCli, recreateDatabase, startMedusa } from "../tools/medusa-process"
import { createShopperPopulation } from "../tools/shopper-population"
import { startStandInLlm } from "./stand-in-llm"
import { StoreApi } from "../tools/store-api"
import type { LoopSummary, RewardRelease } from "../src/types"

const once = process.argv.includes("--once")
const port = Number(process.env.PORT ?? 9000)
const database = process.env.DEMO_DATABASE ?? "smart_referrals_demo"
const outbox = path.join(os.tmpdir(), `smart-referrals-demo-emails-${database}.jsonl`)
const admin = { email: "admin@demo.shop", password: "smart-referrals-demo" }

async function main() {
  rmSync(outbox, { force: true })
  step(`Creating database ${database}`)
  const databaseUrl = await recreateDatabase(database).catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
  const realLlm = !!process.env.SMART_REFERRALS_LLM_BASE_URL
  const standIn = realLlm ? null : await startStandInLlm()
  const env = {
    ...process.env,
    ...(standIn ? { SMART_REFERRALS_LLM_BASE_URL: standIn.baseURL, SMART_REFERRALS_LLM_API_KEY: "demo" } : {}),
    DATABASE_URL: databaseUrl,
    MEDUSA_ADMIN_DISABLED: once ? "true" : process.env.MEDUSA_ADMIN_DISABLED ?? "false",
    NODE_ENV: "development",
    // Every simulated shopper comes from this machine's address: one network, many people.
    SMART_REFERRALS_RATE_LIMIT_POINTS: process.env.SMART_REFERRALS_RATE_LIMIT_POINTS ?? "1000",
    // A local notification provider writes the emails to a file instead of sending them.
    SMART_REFERRALS_NOTIFICATIONS_FILE: outbox,
  }
  step("Migrating the demo database")
  medusaCli(["db:migrate"], env)
  medusaCli(["user", "-e", admin.email, "-p", admin.password], env)

  step(`Starting Medusa with the plugin on port ${port}`)
  const server = await startMedusa("develop", { port, env })
  const stop = () => server.stop()
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      await stop()
      process.exit(0)
    })
  }
  try {
    const api = new StoreApi(server.url)
    await api.loginAdmin(admin.email, admin.password)
    step("Seeding the store through the admin API")
    await api.seedStore()
    await api.admin("POST", "/admin/referrals/program", { reward_hold_days: 0, reward_hold_starts: "order_placed" })
    // Two offers besides the default, for the bandit to choose between.
    await api.admin("POST", "/admin/referrals/arms", {
      name: "Give $5, get $5",
      referee_type: "fixed",
      referee_value: 5,
      referee_currency_code: "usd",
      referrer_type: "store_credit",
      referrer_value: 5,
    })
    await api.admin("POST", "/admin/referrals/arms", {
      name: "Give 15%, get 15",
      referee_type: "percentage",
      referee_value: 15,
      referrer_type: "store_credit",
      referrer_value: 15,
    })

    step("Simulating shoppers through the store API")
    const log = await createShopperPopulation(api, { seed: 7, referrers: 12, friendsPerReferrer: 3 })

    step("Running the reward release job")
    const { release } = await api.admin("POST", "/admin/referrals/rewards/release")
    const { summary } = await api.admin("GET", "/admin/referrals/summary")
    const { arms } = await api.admin("GET", "/admin/referrals/arms")
    printFunnel(summary, release, log)
    const { metrics } = await api.admin("GET", "/admin/referrals/metrics")
    const [loop] = metrics.groups
    const [usd] = loop.economics
    console.log("\nLoop metrics (last 30 days)")
    console.log(`  referral rate of prompted customers     ${percent(loop.rates.referral_rate_prompted)}`)
    console.log(`  invitation acceptance (conversions/shares) ${percent(loop.rates.acceptance)}`)
    console.log(`  activation (second order within 60 days) ${percent(loop.rates.activation_rate)}`)
    console.log(`  viral coefficient K                     ${loop.rates.k?.toFixed(2) ?? "n/a"}`)
    if (usd) {
      console.log(`  incentive cost / referred revenue       ${usd.incentive_cost} / ${usd.referred_customer_revenue} ${usd.currency_code.toUpperCase()}`)
      console.log(`  cost per acquired customer, ROI         ${usd.cost_per_acquired?.toFixed(2)}, ${usd.roi?.toFixed(2)}`)
    }
    // Settled prompts count their value share, so successes and failures are fractional (docs/learning.md).
    console.log("\nOffers (bandit record: a prompt counts its realised value share once settled)")
    for (const arm of arms) {
      const { pulls, successes, failures } = arm.stats
      console.log(`  ${arm.name.padEnd(38)} pulls ${pulls}, successes ${successes.toFixed(2)}, failures ${failures.toFixed(2)}`)
    }

    printOutbox()

    step("Writing share messages on demand")
    // A referrer whose prompt is still live (a friend's conversion settles it).
    let first = log.examples[0]
    for (const example of log.examples) {
      if ((await api.store("GET", "/store/referrals/me", undefined, example.token)).prompt) {
        first = example
        break
      }
    }
    const llmMessage = (await api.store("POST", "/store/referrals/me/message", { channel: "sms", recipient: { relationship: "friend", interest: "trail running" } }, first.token)).message
    standIn?.respondWith({ status: 500 })
    const fallback = (await api.store("POST", "/store/referrals/me/message", { channel: "email" }, first.token)).message
    console.log("\nShare messages")
    console.log(`  prompt at the moment (${first.source}): ${first.prompt_message}`)
    console.log(`  on demand, sms (${llmMessage.source}): ${llmMessage.message}`)
    console.log(`  on demand, email, model failing (${fallback.source}, ${fallback.fallback_reason}): ${fallback.message}`)
    if (standIn) {
      console.log("  (LLM: a local stand-in in OpenAI's format; set SMART_REFERRALS_LLM_BASE_URL and _API_KEY for a real model)")
    }

    if (once) {
      await stop()
      await standIn?.close()
      return
    }
    console.log(`\nAdmin: http://localhost:${port}/app  (${admin.email} / ${admin.password})`)
    console.log(`Publishable key: ${api.publishableKey}`)
    console.log("The store keeps running; press Ctrl+C to stop.")
    await new Promise<void>((resolve) => server.process.on("exit", () => resolve()))
  } catch (error) {
    await stop()
    throw error
  }
}

/** The emails the plugin handed to the notification provider, one example of each. */
function printOutbox() {
  const sent = existsSync(outbox)
    ? readFileSync(outbox, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line))
    : []
  console.log(`\nEmails to shoppers (${sent.length}, through Medusa's Notification module; written to ${outbox})`)
  const seen = new Set<string>()
  for (const mail of sent) {
    const count = sent.filter((m) => m.template === mail.template).length
    if (!seen.has(mail.template)) {
      seen.add(mail.template)
      console.log(`  ${mail.template} ×${count}, e.g. to ${mail.to}: "${mail.content.subject}"`)
      console.log(`    ${mail.content.text.split("\n\n").slice(1, 3).join(" ")}`)
    }
  }
}

function percent(value: number | null) {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`
}

function step(text: string) {
  console.log(`• ${text}`)
}

function printFunnel(
  summary: LoopSummary,
  release: Pick<RewardRelease, "issued" | "revoked">,
  log: { signups: number; shares: number; checkouts: number; refused: number; prompts: number }
) {
  const issued = summary.referrer_rewards.filter((r) => r.status === "issued")
  const rows: [string, string | number][] = [
    ["customers signed up", log.signups],
    ["referral codes", summary.codes],
    ["viral moments", Object.entries(summary.moments).map(([k, v]) => `${v} ${k}`).join(", ") || 0],
    ["prompts", Object.entries(summary.prompts).map(([k, v]) => `${v} ${k}`).join(", ") || 0],
    ["prompts shown / shared", `${summary.touches.prompt_shown ?? 0} / ${summary.touches.share ?? 0}`],
    ["link clicks", summary.touches.click ?? 0],
    ["codes applied at checkout", summary.touches.code_applied ?? 0],
    ["referred first orders (conversions)", summary.touches.first_order ?? 0],
    ["refused redemptions", Object.entries(summary.rejections).map(([k, v]) => `${v} ${k}`).join(", ") || 0],
    ["rewards issued by this run", release.issued],
    ["rewards issued in total", issued.map((r) => `${r.count} (${r.amount} ${r.currency_code.toUpperCase()})`).join(", ") || 0],
    ["referrals by status", Object.entries(summary.referrals).map(([k, v]) => `${k} ${v}`).join(", ")],
  ]
  console.log("\nReferral funnel")
  for (const [label, value] of rows) {
    console.log(`  ${label.padEnd(38)} ${value}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
