import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development and test host: this repository run as a Medusa app with the
 * referral module loaded from source. A store loads the built plugin instead
 * (see the README). `SMART_REFERRALS_WITHOUT_LOYALTY=true` leaves the loyalty
 * plugin out, to exercise the promotion-code reward fallback.
 */
const withLoyalty = process.env.SMART_REFERRALS_WITHOUT_LOYALTY !== "true"

const referralOptions = {
  share_url_template: process.env.SMART_REFERRALS_SHARE_URL ?? "http://localhost:8000/r/{code}",
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [{ resolve: "./src/modules/referral", options: referralOptions }],
  plugins: withLoyalty ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }] : [],
})
