import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The secret scan reads what every other suite left behind, so it runs last, alone.
    sequence: { groupOrder: 0 },
  },
});
