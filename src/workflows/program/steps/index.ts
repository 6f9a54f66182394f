export * from "./save-program-settings"
export * from "./validate-program-settings"
