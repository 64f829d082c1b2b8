/** Tests run through ts-jest without type-checking (tsc does that once, in `npm test`). */
module.exports = {
	testEnvironment: 'node',
	// Generous: property tests and 5 MB inputs must not fail because a 2-core machine is busy.
	testTimeout: 30000,
	roots: ['<rootDir>/tests'],
	// The process tests run the built CLI and main.js: built here when missing or older than src/.
	globalSetup: '<rootDir>/tests/global-setup.ts',
	globalTeardown: '<rootDir>/tests/global-teardown.ts',
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', esModuleInterop: true, isolatedModules: true } }],
	},
	moduleNameMapper: {
		'^obsidian$': '<rootDir>/tests/__mocks__/obsidian.ts',
	},
};
