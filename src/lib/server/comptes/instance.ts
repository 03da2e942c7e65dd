import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { promouvoirAdministrateursConfigures } from '../administration/administration.ts';
import type { Database } from '../db/index.ts';
import { creerAuth, type Auth } from './auth.ts';

let instance: Auth | undefined;

/** Creates the application's accounts service once the database is open (hooks.server.ts). */
export async function initialiserComptes(db: Database): Promise<void> {
	// Last, so that the cookies Better Auth sets in a form action reach the response.
	instance ??= await creerAuth(db, { plugins: [sveltekitCookies(getRequestEvent)] });
	await promouvoirAdministrateursConfigures(db);
}

export function auth(): Auth {
	if (!instance) throw new Error('Le service des comptes n’est pas initialisé.');
	return instance;
}
