import { db } from '#lib/server/demarrage.ts';
import { indexRecommandations } from '#lib/server/guide/etapes.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	return { etapes: await indexRecommandations(db()) };
};
