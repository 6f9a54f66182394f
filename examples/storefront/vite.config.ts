import path from "path"
import { defineConfig } from "vite"

/**
 * The example storefront imports the kit by its package name; here it points
 * at the plugin's source, so the example always runs the kit in this checkout.
 * A real storefront installs the plugin and imports the same names.
 */
export default defineConfig({
  root: __dirname,
  esbuild: { jsx: "automatic" },
  resolve: {
    alias: [
      { find: "medusa-plugin-smart-referrals/storefront/react", replacement: path.resolve(__dirname, "../../src/storefront/react/index.ts") },
      { find: "medusa-plugin-smart-referrals/storefront", replacement: path.resolve(__dirname, "../../src/storefront/index.ts") },
    ],
    dedupe: ["react", "react-dom"],
  },
  build: { outDir: path.resolve(__dirname, "dist"), emptyOutDir: true },
})
