import { db } from '#lib/server/demarrage.ts';
import { listerOrganisations } from '#lib/server/organisations/organisations.ts';
import { autoriser, peut } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	autoriser(locals.acteur, 'lire', { type: 'organisation', role: null });
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	return {
		q,
		organisations: await listerOrganisations(db(), q),
		peutCreer: peut(locals.acteur, 'creer', { type: 'organisations' })
	};
};
