#!/usr/bin/env node
// The published package runs the built CLI; inside this repository, the TypeScript source.
const { existsSync } = require("fs")
const { join } = require("path")

const built = join(__dirname, "..", ".medusa", "server", "src", "cli", "index.js")
let cli
if (existsSync(built)) {
  cli = require(built)
} else {
  require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
  cli = require(join(__dirname, "..", "src", "cli", "index.ts"))
}
process.exitCode = cli.main(process.argv.slice(2))
