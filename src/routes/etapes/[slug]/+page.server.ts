import { error } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { etapeParSlug } from '#lib/server/guide/etapes.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	const etape = await etapeParSlug(db(), params.slug);
	if (!etape) error(404, 'Page introuvable');
	return { etape };
};
