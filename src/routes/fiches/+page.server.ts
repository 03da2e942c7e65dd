import { db } from '#lib/server/demarrage.ts';
import { lireFiltres, listerFiches, optionsFiltres } from '#lib/server/fiches/liste.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	const options = await optionsFiltres(db());
	const { filtres, avertissements } = lireFiltres(url.searchParams, options);
	return { fiches: await listerFiches(db(), filtres), options, filtres, avertissements };
};
