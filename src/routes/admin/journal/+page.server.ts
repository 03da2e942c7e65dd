import { administrateur } from '#lib/server/administration/actions.ts';
import { journal } from '#lib/server/administration/administration.ts';
import { EVENEMENTS } from '#lib/server/comptes/journal.ts';
import { db } from '#lib/server/demarrage.ts';
import { identifiant } from '#lib/server/validation/identifiant.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	administrateur(locals.acteur, url.pathname);
	const evenement = url.searchParams.get('evenement') ?? '';
	const page = identifiant(url.searchParams.get('page') ?? '1') ?? 1;
	return {
		evenement,
		evenements: Object.entries(EVENEMENTS).map(([valeur, libelle]) => ({ valeur, libelle })),
		...(await journal(db(), { evenement, page }))
	};
};
