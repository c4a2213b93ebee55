import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'cases/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
