import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: tests import server modules directly, without SvelteKit's plugin.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/contenu/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/modele-base.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/serveur.ts'],
					// A poll waits for a condition: on a loaded machine one page load can take seconds.
					expect: { poll: { timeout: 30_000, interval: 100 } },
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// One server, one browser per file: two files at a time on a 2-core machine.
					maxWorkers: 2,
					maxConcurrency: 3
				}
			}
		]
	}
});
