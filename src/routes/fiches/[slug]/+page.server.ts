import { error } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { ficheParSlug } from '#lib/server/fiches/fiche.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const fiche = await ficheParSlug(db(), params.slug);
	if (!fiche) error(404, 'Page introuvable');
	autoriser(locals.acteur, 'lire', { type: 'fiche', statut: fiche.statut });
	return { fiche };
};
