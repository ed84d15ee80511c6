#!/usr/bin/env bash
# npm run preview: builds the renderer and serves it with the real core on 127.0.0.1 (development
# and tests only; never packaged). Prints one line, "Preview: <url>"; the URL carries a random token.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npx vite build -c vite.renderer.config.ts --logLevel error >&2
exec node --import tsx electron/preview/main.ts
