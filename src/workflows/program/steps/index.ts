export * from "./retrieve-program-settings"
export * from "./save-program-settings"
export * from "./sync-code-promotions"
export * from "./validate-program-settings"
