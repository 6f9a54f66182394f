/**
 * What the storefront browser test runs against: a Medusa server as a store
 * runs it (`medusa start`, its own database, no admin), a store seeded through
 * the admin API, and the example storefront (examples/storefront) built with
 * Vite and served by a tiny static server that writes its `config.js` (the
 * backend URL and publishable key). The server's CORS and share links point at
 * the storefront's origin.
 */
import { execFileSync } from "child_process"
import { existsSync, readFileSync } from "fs"
import { createServer, type Server } from "http"
import path from "path"
import { freePort, medusaCli, recreateDatabase, startMedusa, type MedusaServer } from "../../tools/medusa-process"
import { StoreApi } from "../../tools/store-api"

const ROOT = path.resolve(__dirname, "../..")
const EXAMPLE = path.join(ROOT, "examples/storefront")
const DATABASE = "smart_referrals_storefront_e2e"
const ADMIN_USER = { email: "admin@storefront-e2e.shop", password: "smart-referrals-storefront-e2e" }

export type StorefrontStore = {
  backendUrl: string
  storefrontUrl: string
  api: StoreApi
  close: () => Promise<void>
}

/**
 * Type-checks the example storefront against the kit and the JS SDK (Vite
 * only strips types), then `vite build`s it into examples/storefront/dist.
 */
export function buildStorefront() {
  const run = (args: string[]) => {
    try {
      execFileSync("npx", args, { cwd: EXAMPLE, stdio: ["ignore", "pipe", "pipe"] })
    } catch (error) {
      const { stdout = "", stderr = "" } = error as { stdout?: Buffer; stderr?: Buffer }
      throw new Error(`npx ${args.join(" ")} failed:\n${stdout}\n${stderr}`)
    }
  }
  run(["tsc", "--noEmit", "-p", path.join(EXAMPLE, "tsconfig.json")])
  run(["vite", "build", "--config", path.join(EXAMPLE, "vite.config.ts"), "--logLevel", "warn"])
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
}

/** Serves the built storefront: files from dist, `/config.js` from `config`, every other path the app (client-side routes). */
export async function serveStorefront(port: number, config: { backendUrl: string; publishableKey: string }): Promise<Server> {
  const dist = path.join(EXAMPLE, "dist")
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://storefront")
    if (url.pathname === "/config.js") {
      res.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" })
      return res.end(`window.STORE_CONFIG = ${JSON.stringify(config)}\n`)
    }
    const file = path.join(dist, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ""))
    const found = file.startsWith(dist) && existsSync(file) && !file.endsWith(path.sep) && path.extname(file)
    const served = found ? file : path.join(dist, "index.html")
    res.writeHead(200, { "content-type": TYPES[path.extname(served)] ?? "application/octet-stream" })
    res.end(readFileSync(served))
  })
  await new Promise<void>((resolve) => server.listen(port, resolve))
  return server
}

export async function startStorefrontStore(): Promise<StorefrontStore> {
  buildStorefront()
  const databaseUrl = await recreateDatabase(DATABASE)
  const [backendPort, storefrontPort] = [await freePort(), await freePort()]
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const env = {
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    MEDUSA_ADMIN_DISABLED: "true",
    STORE_CORS: storefrontUrl,
    AUTH_CORS: storefrontUrl,
    ADMIN_CORS: storefrontUrl,
    SMART_REFERRALS_SHARE_URL: `${storefrontUrl}/r/{code}`,
  }
  medusaCli(["db:migrate"], env)
  medusaCli(["user", "-e", ADMIN_USER.email, "-p", ADMIN_USER.password], env)
  let server: MedusaServer | null = null
  let storefront: Server | null = null
  const close = async () => {
    await new Promise((resolve) => (storefront ? storefront.close(resolve) : resolve(undefined)))
    await server?.stop()
    await recreateDatabase(DATABASE).catch(() => undefined)
  }
  try {
    server = await startMedusa("start", { port: backendPort, env, log: "quiet" })
    const api = new StoreApi(server.url)
    await api.loginAdmin(ADMIN_USER.email, ADMIN_USER.password)
    await api.seedStore()
    storefront = await serveStorefront(storefrontPort, { backendUrl: server.url, publishableKey: api.publishableKey })
    return { backendUrl: server.url, storefrontUrl, api, close }
  } catch (error) {
    await close()
    throw error
  }
}
