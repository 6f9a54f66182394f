const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// One config for every kind of test; TEST_TYPE narrows a run to one kind.
const matches = {
  unit: [
    "<rootDir>/src/**/__tests__/**/*.unit.spec.ts",
    "<rootDir>/tools/**/__tests__/**/*.unit.spec.ts",
    "<rootDir>/bench/**/__tests__/**/*.unit.spec.ts",
  ],
  "integration:modules": ["<rootDir>/src/modules/*/__tests__/**/*.spec.ts"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.ts"],
  // Medusa as separate processes: several instances on Redis, faults.
  "integration:production": ["<rootDir>/integration-tests/production/**/*.spec.ts"],
  // The admin dashboard in Chromium against a built admin.
  e2e: ["<rootDir>/integration-tests/e2e/**/*.spec.ts"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } },
    ],
  },
  testEnvironment: "<rootDir>/integration-tests/environment.js",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/dist/"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.medusa/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  reporters: ["default", "<rootDir>/integration-tests/summary-reporter.js"],
  testMatch: matches[process.env.TEST_TYPE] ?? Object.values(matches).flat(),
}
