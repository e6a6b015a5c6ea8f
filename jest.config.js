/** One jest run for everything: unit (domain), data, backend, integration, components and browser tests. */
module.exports = {
  testEnvironment: "<rootDir>/test/env/node-fetch-env.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(t|j)sx?$": "<rootDir>/test/esbuild-transform.js" },
  transformIgnorePatterns: ["/node_modules/(?!(@pnp)/)"],
  moduleNameMapper: {
    "^CommonStrings$": "<rootDir>/src/loc/ja-jp.js",
    "^AgreementsWebPartStrings$": "<rootDir>/src/webparts/agreements/loc/ja-jp.js",
    "^AnnualCycleWebPartStrings$": "<rootDir>/src/webparts/annualCycle/loc/ja-jp.js",
    "^DepartmentPortalWebPartStrings$": "<rootDir>/src/webparts/departmentPortal/loc/ja-jp.js",
    "^ResultsWebPartStrings$": "<rootDir>/src/webparts/results/loc/ja-jp.js",
  },
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  maxWorkers: 2,
  testTimeout: 30000,
};
