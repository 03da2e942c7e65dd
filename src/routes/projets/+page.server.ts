import { db } from '#lib/server/demarrage.ts';
import { connecte, LIBELLES_ROLES_PROJET } from '#lib/server/projets/actions.ts';
import { mesProjets } from '#lib/server/projets/projets.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const acteur = connecte(event);
	autoriser(acteur, 'creer', { type: 'projets' });
	const projets = await mesProjets(db(), acteur.id);
	return { projets: projets.map((p) => ({ ...p, role: LIBELLES_ROLES_PROJET[p.role] })), quitte: event.url.searchParams.has('quitte') };
};
