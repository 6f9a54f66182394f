/** Lists in the admin read newest first unless the request asks for another `order`. */
export function newestFirstUnlessOrdered<T extends { order?: Record<string, unknown> }>(pagination: T): T {
  return pagination.order && Object.keys(pagination.order).length
    ? pagination
    : { ...pagination, order: { created_at: "DESC" } }
}
