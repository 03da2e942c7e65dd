import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ precompress: true }),
			// The kit's pages render fully on the server; routes opt in to client-side code.
			compilerOptions: { runes: true }
		})
	]
});
