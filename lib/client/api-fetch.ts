/**
 * Browser-side JSON fetch that turns an API error body into an Error with its message. Every request that
 * changes state is sent as JSON, even without a body: the API refuses anything else (lib/http/api-route.ts).
 */
export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const changes = (init?.method ?? "GET").toUpperCase() !== "GET";
  const res = await fetch(url, {
    ...init,
    headers: { ...(init?.json !== undefined || changes ? { "Content-Type": "application/json" } : {}), ...init?.headers },
    body: init?.json !== undefined ? JSON.stringify(init.json) : init?.body,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(data?.error ?? `${res.status} ${res.statusText}`);
  return data as T;
}
