import { administrateur } from '#lib/server/administration/actions.ts';
import { listerOrganisations } from '#lib/server/organisations/organisations.ts';
import { db } from '#lib/server/demarrage.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	administrateur(locals.acteur, url.pathname);
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const organisations = await listerOrganisations(db(), q);
	return { q, organisations: organisations.map((o) => ({ ...o, creeLe: o.creeLe.toISOString() })) };
};
