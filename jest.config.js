/** Jest: TypeScript tests under test/, system tests included (they need root). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  // @plesk/ui-library's CommonJS build requires its images; UI tests need only their names.
  moduleNameMapper: { '\\.(svg|png)$': '<rootDir>/test/ui/support/fileStub.js' },
  maxWorkers: 2,
  testTimeout: 60000,
};
