# The MAS production image: the artifact of `npm run build:artifact` (dist/mas) on Debian's Node 20, run as a
# non-root user with a read-only root file system; writable state only in MAS_DATA_DIR and /tmp.
# test/integration/artifact.test.ts runs that artifact as this image does (a copy outside the source tree, read-only,
# another user, this file's ENV) and checks that this file copies exactly the directory the test ran.
# Build for linux/amd64: package-lock.json holds sharp's native package for that platform only.

FROM node:20-bookworm AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:artifact

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    MAS_DATA_DIR=/var/lib/mas \
    HOME=/tmp \
    NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system --gid 10001 mas \
 && useradd --system --uid 10001 --gid mas --home-dir /var/lib/mas --shell /usr/sbin/nologin mas \
 && mkdir -p /var/lib/mas \
 && chown mas:mas /var/lib/mas
WORKDIR /app
# Owned by root, so the mas user cannot change the application even where the root file system is writable.
COPY --from=build /src/dist/mas/ /app/
USER 10001:10001
VOLUME ["/var/lib/mas"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "start.mjs"]
