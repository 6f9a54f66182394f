export * from "./write-prompt-message"
