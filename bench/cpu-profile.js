/**
 * Preloaded into the burst benchmark's worker with `--profile`
 * (NODE_OPTIONS=--require, as --cpu-prof is not allowed there): the first
 * SIGUSR2 starts V8's CPU profiler, the second writes the profile to
 * `$BURST_PROFILE_DIR/worker-<pid>.cpuprofile` (open it in Chrome DevTools).
 * Only in `medusa start`; npx's own process is left alone.
 */
const inspector = require("inspector")
const fs = require("fs")
const path = require("path")

if (/(\.bin\/medusa|@medusajs\/cli\/cli\.js)$/.test(process.argv[1] ?? "") && process.argv[2] === "start") {
  const session = new inspector.Session()
  session.connect()
  let running = false
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true
      session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start")))
      return
    }
    session.post("Profiler.stop", (error, result) => {
      const dir = process.env.BURST_PROFILE_DIR ?? process.cwd()
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, `worker-${process.pid}.cpuprofile`), JSON.stringify(error ? { error: String(error) } : result.profile))
    })
  })
}
