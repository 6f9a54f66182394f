export * from "./workflows/write-prompt-message"
