import { error } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { ficheParSlug } from '#lib/server/fiches/fiche.ts';
import { autresTerritoires, fichesSimilaires } from '#lib/server/fiches/similaires.ts';
import { autoriser, statutsFichesLisibles } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const fiche = await ficheParSlug(db(), params.slug);
	if (!fiche) error(404, 'Page introuvable');
	autoriser(locals.acteur, 'lire', { type: 'fiche', statut: fiche.statut });
	const statuts = statutsFichesLisibles(locals.acteur);
	const [similaires, ailleurs] = await Promise.all([
		fichesSimilaires(db(), fiche.id, statuts),
		autresTerritoires(db(), fiche.id, statuts)
	]);
	return { fiche, similaires, ailleurs };
};
