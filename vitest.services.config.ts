import { defineConfig } from 'vitest/config';

/** Tests that need real database servers (MariaDB, PostgreSQL; ClickHouse later): `npm run test:services`. */
export default defineConfig({
  test: {
    include: ['test/services/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
