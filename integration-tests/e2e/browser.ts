/**
 * Debian's Chromium driven by playwright-core (no browser download: CI installs
 * the `chromium` package). The flags keep it from reaching out to the network,
 * which this machine refuses.
 */
import { mkdirSync } from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN_USER } from "./admin-store"

export const SCREENSHOTS = path.resolve(__dirname, "screenshots")

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/** Signs in through the dashboard's own login form; the session cookie then carries every page. */
export async function logIn(page: Page, url: string) {
  await page.goto(`${url}/app/login`)
  await page.locator("input[name=email]").fill(ADMIN_USER.email)
  await page.locator("input[name=password]").fill(ADMIN_USER.password)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((target) => !target.pathname.endsWith("/login"), { timeout: 30_000 })
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}
