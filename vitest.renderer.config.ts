// The renderer's unit tests: store, pure helpers and components in happy-dom.
//   npx vitest run -c vitest.renderer.config.ts
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'renderer',
    include: ['renderer/test/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['renderer/test/support/setup.ts'],
    testTimeout: 20_000,
  },
});
