import { db } from '#lib/server/demarrage.ts';
import { demander, organisationPour, quitter } from '#lib/server/organisations/actions.ts';
import { demandeEnAttente, fichesDeLOrganisation } from '#lib/server/organisations/organisations.ts';
import { LIBELLES_ROLES } from '#lib/server/organisations/regles.ts';
import { estConnecte, peut, statutsFichesLisibles } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation: o, role } = await organisationPour(locals.acteur, params.slug, 'lire');
	const ressource = { type: 'organisation', role } as const;
	const acteur = locals.acteur;
	return {
		organisation: { nom: o.nom, slug: o.slug, typeLibelle: o.typeLibelle, territoire: o.territoire, description: o.description },
		monRole: role ? LIBELLES_ROLES[role] : null,
		connecte: estConnecte(acteur),
		peut: {
			voirMembres: peut(acteur, 'voir-membres', ressource),
			suivreProjets: peut(acteur, 'suivre-projets', ressource),
			modifier: peut(acteur, 'modifier', ressource),
			demander: peut(acteur, 'demander', ressource),
			quitter: peut(acteur, 'quitter', ressource)
		},
		demandeEnAttente: estConnecte(acteur) && !role ? await demandeEnAttente(db(), o.id, acteur.id) : false,
		fiches: await fichesDeLOrganisation(db(), o.id, statutsFichesLisibles(acteur))
	};
};

export const actions: Actions = { demander, quitter };
