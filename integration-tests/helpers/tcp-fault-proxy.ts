import { createServer, connect, type Server, type Socket } from "net"
import type { AddressInfo } from "net"

/**
 * A TCP proxy that can fail on command, for fault tests against real servers
 * that must not be disturbed themselves (the machine's PostgreSQL is shared
 * with other test runs). Put it between a client and the server: while `up`,
 * it pipes bytes both ways; `down()` destroys every open connection and stops
 * listening, so new connections are refused (ECONNREFUSED), as when the
 * server restarts; `up()` listens on the same port again.
 */
export type TcpFaultProxy = {
  port: number
  /** Connections accepted so far (a client that reconnects shows up here). */
  readonly accepted: number
  /** Connections open now. */
  readonly open: number
  /** Connections cut by `down()`. */
  readonly cut: number
  /** Whether the port is listening now. */
  readonly isUp: boolean
  down(): Promise<void>
  up(): Promise<void>
  /** Down for `ms`, then up again; resolves once it listens again. */
  outage(ms: number): Promise<void>
  close(): Promise<void>
}

export async function startTcpFaultProxy(target: { host: string; port: number }): Promise<TcpFaultProxy> {
  const sockets = new Set<Socket>()
  let accepted = 0
  let cut = 0
  let server: Server | null = null
  let port = 0

  const pipe = (client: Socket) => {
    accepted++
    const upstream = connect(target.port, target.host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.setNoDelay(true)
      // A cut connection errors on both ends; the proxy only passes the cut on.
      socket.on("error", () => undefined)
      socket.on("close", () => {
        sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(pipe)
      next.once("error", reject)
      // Port 0 the first time; the same port after an outage, as a restarted server would.
      next.listen(port, "127.0.0.1", () => {
        server = next
        port = (next.address() as AddressInfo).port
        resolve()
      })
    })

  const down = async () => {
    const closing = server
    server = null
    const closed = closing ? new Promise<void>((resolve) => closing.close(() => resolve())) : Promise.resolve()
    cut += sockets.size / 2
    for (const socket of sockets) {
      socket.destroy()
    }
    sockets.clear()
    await closed
  }

  const up = async () => {
    if (!server) {
      await listen()
    }
  }

  await listen()
  return {
    get port() {
      return port
    },
    get accepted() {
      return accepted
    },
    get open() {
      return sockets.size / 2
    },
    get cut() {
      return cut
    },
    get isUp() {
      return server !== null
    },
    down,
    up,
    async outage(ms: number) {
      await down()
      await new Promise((resolve) => setTimeout(resolve, ms))
      await up()
    },
    close: down,
  }
}
