/** Jest: TypeScript tests under test/, system tests included (they need root). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true }] },
  maxWorkers: 2,
  testTimeout: 60000,
};
