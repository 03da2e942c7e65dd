import { db } from '#lib/server/demarrage.ts';
import { statutsFichesLisibles, autoriser } from '#lib/server/policies/index.ts';
import { lireParametres } from '#lib/server/recherche/parametres.ts';
import { rechercher } from '#lib/server/recherche/recherche.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	const parametres = lireParametres(url.searchParams);
	const resultat = await rechercher(db(), parametres, statutsFichesLisibles(locals.acteur));
	return { parametres, resultat };
};
