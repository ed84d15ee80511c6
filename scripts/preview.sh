#!/usr/bin/env bash
# npm run preview: builds the renderer and serves it with the real core on 127.0.0.1 (development
# and tests only; never packaged). Prints one line, "Preview: <url>"; the URL carries a random token.
# APEXKEYS_PREVIEW_RENDERER_DIR names where the renderer is built and served from (default
# out/renderer), so a test can run its own without touching the one other tests serve.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npx vite build -c vite.renderer.config.ts --logLevel error \
  ${APEXKEYS_PREVIEW_RENDERER_DIR:+--outDir "$APEXKEYS_PREVIEW_RENDERER_DIR" --emptyOutDir} >&2
exec node --import tsx electron/preview/main.ts
