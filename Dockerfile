# One multi-stage build for the Node parts; `target` picks the image:
#   server     Fastify API (+ the built gallery, for running without nginx)
#   processor  watcher and workers, with ffmpeg and the HEIC decoder
#   nginx      the only published port, with the built gallery
# Base images are pinned by version; all are multi-arch (amd64 and arm64 / Apple silicon).

ARG NODE_IMAGE=node:20.20.2-bookworm-slim
ARG DEBIAN_IMAGE=debian:12.12-slim

# ---- dependencies and build ------------------------------------------------
FROM ${NODE_IMAGE} AS build
# argon2 is compiled from source at install (its prebuilt binary crashes on some CPUs).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY platform/package.json platform/
COPY database/package.json database/
COPY vault/package.json vault/
COPY server/package.json server/
COPY processor/package.json processor/
COPY web/package.json web/
COPY launcher/package.json launcher/
COPY tests/support/package.json tests/support/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- shared Node runtime ---------------------------------------------------
FROM ${NODE_IMAGE} AS node-runtime
ENV NODE_ENV=production
# openssl for scripts/init; postgresql-client (15, matching the postgres service) for backup/restore.
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl ca-certificates tini postgresql-client \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/contracts/package.json contracts/package.json
COPY --from=build --chown=root:root /app/contracts/dist contracts/dist
COPY --from=build --chown=root:root /app/platform/package.json platform/package.json
COPY --from=build --chown=root:root /app/platform/dist platform/dist
COPY --from=build --chown=root:root /app/database/package.json database/package.json
COPY --from=build --chown=root:root /app/database/dist database/dist
COPY --from=build --chown=root:root /app/vault/package.json vault/package.json
COPY --from=build --chown=root:root /app/vault/dist vault/dist
COPY --from=build --chown=root:root /app/scripts scripts
# The app only reads its code; data lives in mounted folders owned by the node user (uid 1000).
RUN mkdir -p /data/imports /data/assets /data/private && chown -R node:node /data
ENV IMPORTS_DIR=/data/imports ASSETS_DIR=/data/assets PRIVATE_DIR=/data/private
ENTRYPOINT ["/usr/bin/tini", "--"]

# ---- server ----------------------------------------------------------------
FROM node-runtime AS server
COPY --from=build /app/server/package.json server/package.json
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web/dist web/dist
ENV HOST=0.0.0.0 PORT=3000 WEB_DIST_DIR=/app/web/dist
USER node
EXPOSE 3000
CMD ["node", "server/dist/main.js"]

# ---- processor ---------------------------------------------------------------
FROM node-runtime AS processor
# ffmpeg for video (and BMP stills); heif-convert (libheif with libde265) for iPhone HEIC
# photos, djxl/jxlinfo (libjxl-tools) for JPEG XL and dcraw_emu/raw-identify (LibRaw's
# libraw-bin) for camera RAW, which the prebuilt libvips inside sharp cannot decode.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg libheif-examples libjxl-tools libraw-bin \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/processor/package.json processor/package.json
COPY --from=build /app/processor/dist processor/dist
USER node
CMD ["node", "processor/dist/main.js"]

# ---- nginx -------------------------------------------------------------------
# Debian's nginx, the same version a native install (npm start) runs, so one template fits both.
FROM ${DEBIAN_IMAGE} AS nginx
RUN apt-get update \
  && apt-get install -y --no-install-recommends nginx ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /run/keepsake-nginx && chown 1000:1000 /run/keepsake-nginx
COPY nginx /etc/keepsake-nginx
COPY --from=build /app/web/dist /srv/web
ENV WEB_DIST_DIR=/srv/web ASSETS_DIR=/data/assets PRIVATE_DIR=/data/private \
    NGINX_UPSTREAM=server:3000 NGINX_ACCESS_LOG=/dev/stdout NGINX_ERROR_LOG=stderr
# uid 1000, like the node user that writes assets/ and private/ (files there are 0600).
USER 1000:1000
EXPOSE 1027
CMD ["/bin/sh", "-c", "/etc/keepsake-nginx/render /run/keepsake-nginx && exec nginx -e stderr -c /run/keepsake-nginx/nginx.conf -g 'daemon off;'"]
