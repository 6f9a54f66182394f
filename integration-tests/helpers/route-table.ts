import { readdirSync, readFileSync } from "fs"
import { join, relative, sep } from "path"

export type DiscoveredRoute = {
  method: "GET" | "POST" | "DELETE" | "PUT" | "PATCH"
  /** With Medusa's file-based params left in, e.g. `/admin/referrals/[id]/approve`. */
  path: string
  /** The params in order, with the path segment before each (which says what the id is of). */
  params: { name: string; after: string }[]
  file: string
}

const HANDLER = /export\s+(?:const|async\s+function|function)\s+(GET|POST|DELETE|PUT|PATCH)\b/g

/**
 * Every route the plugin serves, read from `src/api/**\/route.ts` and the
 * handlers each file exports, the way Medusa's file router finds them, so a new
 * route is in every table built from this without being listed anywhere.
 */
export function discoverRoutes(apiRoot: string): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== "__tests__") {
        walk(full)
      } else if (entry.isFile() && /^route\.(ts|js)$/.test(entry.name)) {
        const path = "/" + relative(apiRoot, dir).split(sep).join("/")
        const segments = path.split("/")
        const params = segments.flatMap((segment, i) =>
          /^\[\w+\]$/.test(segment) ? [{ name: segment.slice(1, -1), after: segments[i - 1] }] : []
        )
        const methods = new Set([...readFileSync(full, "utf8").matchAll(HANDLER)].map((m) => m[1]))
        for (const method of methods) {
          routes.push({ method: method as DiscoveredRoute["method"], path, params, file: relative(apiRoot, full) })
        }
      }
    }
  }
  walk(apiRoot)
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}

/** `METHOD /path`, the key tables of examples and expectations use. */
export const routeKey = (route: Pick<DiscoveredRoute, "method" | "path">) => `${route.method} ${route.path}`

/** The URL with each `[param]` replaced (URL-encoded) by what `valueOf` answers for it. */
export function fillPath(route: DiscoveredRoute, valueOf: (param: DiscoveredRoute["params"][number]) => string) {
  let path = route.path
  for (const param of route.params) {
    path = path.replace(`[${param.name}]`, encodeURIComponent(valueOf(param)))
  }
  return path
}

/** The tables a module's migrations create, so a fingerprint of stored data covers new tables too. */
export function tablesCreatedBy(migrationsDir: string): string[] {
  const tables = new Set<string>()
  for (const file of readdirSync(migrationsDir).filter((f) => /\.(ts|js)$/.test(f))) {
    for (const match of readFileSync(join(migrationsDir, file), "utf8").matchAll(/create table if not exists "(\w+)"/gi)) {
      tables.add(match[1])
    }
  }
  return [...tables].sort()
}
