// An officer at the workbench, over HTTP, behind a load balancer: each request goes to the next MAS instance that
// is up (round robin), as a Kubernetes Service spreads them over pods; one signed-in session serves on every
// instance (they share AUTH_SECRET and the database). A request that finds its instance gone (killed, restarting)
// is sent to the next one, as a browser's retry through the Service would be.

/** A MAS instance's web address, and whether the balancer may send to it now. */
export interface Backend {
  readonly name: string;
  readonly url: string;
  up: boolean;
}

export interface ApiReply {
  status: number;
  body: Record<string, unknown>;
  /** The instance that answered. */
  backend: string;
  /** How many instances were found gone before one answered. */
  failovers: number;
}

/** A session's cookies: what next-auth sets at sign-in, and any re-issued session token later. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export class ApiOperator {
  private readonly jar = new CookieJar();
  private turn = 0;
  /** Requests answered per instance: that the work was spread over them. */
  readonly servedBy = new Map<string, number>();

  constructor(
    readonly username: string,
    private readonly backends: () => readonly Backend[],
  ) {}

  /** next-auth's credentials sign-in, through whichever instance is up. */
  async signIn(password: string): Promise<void> {
    const csrf = await this.send("GET", "/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: String(csrf.body.csrfToken), username: this.username, password, json: "true" });
    await this.send("POST", "/api/auth/callback/credentials", form);
    const session = await this.send("GET", "/api/auth/session");
    const user = session.body.user as { username?: string } | undefined;
    if (user?.username !== this.username) throw new Error(`${this.username} is not signed in: ${JSON.stringify(session.body)}`);
  }

  get(path: string): Promise<ApiReply> {
    return this.send("GET", path);
  }

  post(path: string, body: unknown): Promise<ApiReply> {
    return this.send("POST", path, JSON.stringify(body));
  }

  private async send(method: string, path: string, body?: string | URLSearchParams): Promise<ApiReply> {
    let failovers = 0;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const up = this.backends().filter((b) => b.up);
      if (up.length === 0) throw new Error("no MAS instance is up");
      const backend = up[this.turn++ % up.length];
      let res: Response;
      let text: string;
      try {
        res = await fetch(`${backend.url}${path}`, {
          method,
          redirect: "manual",
          headers: {
            cookie: this.jar.header(),
            ...(typeof body === "string" ? { "content-type": "application/json" } : {}),
          },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        // Read inside the try: an instance killed after its headers went out ends the body with "terminated".
        text = await res.text();
      } catch (e) {
        // Connection refused or reset, before or during the answer: the instance died under the request. Another
        // one takes it (a decision it recorded before dying is refused on retry, and the caller knows why).
        failovers++;
        if (Date.now() > deadline) throw new Error(`${method} ${path}: no instance answered (${e instanceof Error ? e.message : e})`);
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      this.jar.take(res);
      this.servedBy.set(backend.name, (this.servedBy.get(backend.name) ?? 0) + 1);
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = { text: text.slice(0, 300) };
      }
      return { status: res.status, body: parsed, backend: backend.name, failovers };
    }
  }
}
