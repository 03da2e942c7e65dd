import { carte } from '#lib/server/carte/carte.ts';
import { db } from '#lib/server/demarrage.ts';
import { autoriser, statutsFichesLisibles } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	return { carte: await carte(db(), statutsFichesLisibles(locals.acteur)) };
};
