import { useEffect, useState, type MouseEvent, type ReactNode } from "react"

/** A minimal router: the path, and links that push history. */
export function navigate(to: string) {
  window.history.pushState({}, "", to)
  window.dispatchEvent(new PopStateEvent("popstate"))
}

export function usePath() {
  const [path, setPath] = useState(window.location.pathname)
  useEffect(() => {
    const update = () => setPath(window.location.pathname)
    window.addEventListener("popstate", update)
    return () => window.removeEventListener("popstate", update)
  }, [])
  return path
}

export function Link({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <a
      href={to}
      data-testid={testId}
      onClick={(event: MouseEvent) => {
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
