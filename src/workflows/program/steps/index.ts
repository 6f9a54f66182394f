export * from "./save-program-settings"
