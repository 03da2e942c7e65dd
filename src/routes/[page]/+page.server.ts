import { error } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { pageParSlug } from '#lib/server/guide/pages.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	const page = await pageParSlug(db(), params.page);
	if (!page) error(404, 'Page introuvable');
	return { page };
};
