/**
 * Looking into a Medusa cluster from the outside: the BullMQ queues Medusa keeps in Redis, and which process holds
 * which Redis connection (to tell the worker's consumers from the servers').
 */
import { readdirSync, readFileSync, readlinkSync } from "fs"
import { Queue } from "bullmq"
import type { Redis } from "ioredis"

/** `@medusajs/event-bus-redis`: one queue, its prefix is the service's class name, jobs are named after the event. */
export const EVENT_QUEUE = { name: "events-queue", prefix: "RedisEventBusService" }
/** `@medusajs/workflow-engine-redis`: scheduled jobs are repeat jobs named `schedule` in this queue. */
export const SCHEDULED_JOBS_QUEUE = { name: "medusa-workflows-jobs", prefix: "bull" }

export function openQueue(redis: Redis, queue: { name: string; prefix: string }) {
  return new Queue(queue.name, { prefix: queue.prefix, connection: redis })
}

/** Jobs not yet finished in a queue (waiting, prioritized, active or delayed). */
export async function unfinishedJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "waiting-children")
  return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

/**
 * Delivers an event once more, the way `@medusajs/event-bus-redis` enqueues
 * it (data and metadata in one field, critical priority as Medusa gives
 * `order.placed`): what a redelivery after a crash or a second emitter looks
 * like. The job is kept when done, so its outcome can be read.
 */
export async function redeliverEvent(queue: Queue, name: string, data: Record<string, unknown>) {
  const now = new Date()
  return await queue.add(
    name,
    { data, metadata: { created_at: now, published_at: now } },
    { removeOnComplete: false, attempts: 1, priority: 10 }
  )
}

/**
 * What each subscriber answered for a finished event job: the event bus
 * catches a subscriber's error and returns it in place of its result, so a
 * job can complete although a subscriber threw. Errors serialise as objects.
 */
export async function subscriberResults(queue: Queue, jobId: string): Promise<unknown[]> {
  const job = await queue.getJob(jobId)
  if (!job || (await job.getState()) !== "completed") {
    throw new Error(`Event job ${jobId} has not completed`)
  }
  return job.returnvalue as unknown[]
}

/** Redis connections by the BullMQ consumer name they carry (`<prefix>:<base64 queue name>`), with their client ports. */
export async function consumerConnections(redis: Redis, queue: { name: string; prefix: string }): Promise<number[]> {
  const name = `${queue.prefix}:${Buffer.from(queue.name).toString("base64")}`
  const list = (await redis.client("LIST")) as string
  return list
    .split("\n")
    .filter((line) => line.includes(` name=${name} `) || line.endsWith(` name=${name}`))
    .map((line) => Number(/ addr=[^ ]*:(\d+) /.exec(line)?.[1]))
    .filter((port) => port > 0)
}

/**
 * The local TCP ports of the sockets the processes of one process group
 * (a `startMedusa` child and everything it spawned) have open. Linux only.
 */
export function localPortsOfProcessGroup(pgid: number): Set<number> {
  const inodes = new Set<string>()
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, …
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2])
      if (pgrp !== pgid) {
        continue
      }
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`)
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
        if (inode) {
          inodes.add(inode)
        }
      }
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  const ports = new Set<number>()
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/)
      if (columns.length > 9 && inodes.has(columns[9])) {
        ports.add(parseInt(columns[1].split(":").pop()!, 16))
      }
    }
  }
  return ports
}
