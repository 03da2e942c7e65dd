// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Acteur } from '#lib/server/policies/index.ts';

declare global {
	namespace App {
		interface Locals {
			acteur: Acteur;
		}
	}
}

export {};
