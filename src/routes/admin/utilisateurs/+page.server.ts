import { administrateur, changerRole, desactiverCompte, reactiverCompte } from '#lib/server/administration/actions.ts';
import { LIBELLES_ROLES_PLATEFORME, listerUtilisateurs } from '#lib/server/administration/administration.ts';
import { db } from '#lib/server/demarrage.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const admin = administrateur(locals.acteur, url.pathname);
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const utilisateurs = await listerUtilisateurs(db(), q);
	return {
		q,
		moi: admin.id,
		roles: Object.entries(LIBELLES_ROLES_PLATEFORME).map(([valeur, libelle]) => ({ valeur, libelle })),
		utilisateurs: utilisateurs.map((u) => ({ ...u, creeLe: u.creeLe.toISOString(), desactiveLe: u.desactiveLe?.toISOString() ?? null }))
	};
};

export const actions: Actions = { role: changerRole, desactiver: desactiverCompte, reactiver: reactiverCompte };
