import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// WCAG 2.1 levels A and AA, nothing else: axe's best practices and AAA rules are advice, not the bar the issue sets
// (docs/decisions/0030).
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeFinding {
  page: string;
  language: string;
  rule: string;
  impact: string;
  help: string;
  target: string;
  html: string;
}

/** Runs axe on the page as it is now (a dialog open, if one is) and returns each violating element as one finding. */
export async function axeFindings(page: Page, where: { page: string; language: string }): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      ...where,
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      target: n.target.map(String).join(" > "),
      html: n.html.slice(0, 160),
    })),
  );
}

/**
 * The findings the way a person fixing them reads them: one block per page, language and rule, with the elements it
 * found (the first few of a long list, and how many more).
 */
export function describeFindings(findings: AxeFinding[], perRule = 5): string {
  if (findings.length === 0) return "no WCAG 2.1 AA violation";
  const groups = new Map<string, AxeFinding[]>();
  for (const f of findings) {
    const key = `[${f.language}] ${f.page}: ${f.rule} (${f.impact}) ${f.help}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const blocks = [...groups].map(([key, fs]) =>
    [
      `${key}: ${fs.length} element(s)`,
      ...fs.slice(0, perRule).map((f) => `    at ${f.target}\n       ${f.html}`),
      ...(fs.length > perRule ? [`    … and ${fs.length - perRule} more`] : []),
    ].join("\n"),
  );
  return [`${findings.length} WCAG 2.1 AA violation(s) on ${groups.size} page/rule pair(s):`, ...blocks].join("\n");
}

/**
 * Collects the findings of every page of a tour, so that one run lists them all; `check` fails the test at the end
 * with the whole list.
 */
export class AxeTour {
  readonly findings: AxeFinding[] = [];
  private pages = 0;
  private ms = 0;

  async scan(page: Page, where: { page: string; language: string }): Promise<void> {
    const start = Date.now();
    this.findings.push(...(await axeFindings(page, where)));
    this.ms += Date.now() - start;
    this.pages++;
  }

  /** Fails with every finding of the tour; says what the checks cost, since they run in every e2e run. */
  check(): void {
    console.log(`[axe] ${this.pages} screen(s) checked in ${(this.ms / 1000).toFixed(1)} s, ${this.findings.length} violation(s)`);
    if (this.findings.length > 0) throw new Error(describeFindings(this.findings));
  }
}
