import { createHash, timingSafeEqual } from "node:crypto";

export interface MetricsAccess {
  token: string | undefined;
  open: boolean;
  production: boolean;
}

/**
 * Who may scrape /api/metrics. With MAS_METRICS_TOKEN: only `Authorization: Bearer <token>` (compared in
 * constant time). Without it: open in development or with MAS_METRICS_OPEN=true (a NetworkPolicy admits only
 * the scraper), otherwise refused: production never serves its metrics to anyone by default.
 */
export function metricsAccess(cfg: MetricsAccess, authorization: string | null): "allowed" | "unauthorized" | "disabled" {
  if (cfg.token) {
    const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
    // Hashes first: equal lengths for timingSafeEqual, and the token's length is not leaked either.
    const digest = (s: string) => createHash("sha256").update(s).digest();
    return timingSafeEqual(digest(given), digest(cfg.token)) ? "allowed" : "unauthorized";
  }
  return cfg.open || !cfg.production ? "allowed" : "disabled";
}
