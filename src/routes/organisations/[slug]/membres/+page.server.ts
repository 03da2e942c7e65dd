import { db } from '#lib/server/demarrage.ts';
import { changerRoleMembre, inviter, organisationPour, retirer, revoquer, traiter } from '#lib/server/organisations/actions.ts';
import { equipe } from '#lib/server/organisations/organisations.ts';
import { LIBELLES_ROLES } from '#lib/server/organisations/regles.ts';
import { estConnecte, peut } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation: o, role } = await organisationPour(locals.acteur, params.slug, 'voir-membres');
	const ressource = { type: 'organisation', role } as const;
	const e = await equipe(db(), o.id);
	const gere = peut(locals.acteur, 'gerer-membres', ressource);
	return {
		organisation: { nom: o.nom, slug: o.slug },
		moi: estConnecte(locals.acteur) ? locals.acteur.id : '',
		peut: { gerer: gere, changerRoles: peut(locals.acteur, 'changer-roles', ressource) },
		roles: Object.entries(LIBELLES_ROLES).map(([valeur, libelle]) => ({ valeur, libelle })),
		membres: e.membres.map((m) => ({ ...m, roleLibelle: LIBELLES_ROLES[m.role], depuis: m.depuis.toISOString() })),
		// Pending invitations and requests carry addresses: for managers only.
		invitations: gere ? e.invitations.map((i) => ({ ...i, roleLibelle: LIBELLES_ROLES[i.role], expireLe: i.expireLe.toISOString() })) : [],
		demandes: gere ? e.demandes.map((d) => ({ ...d, le: d.le.toISOString() })) : []
	};
};

export const actions: Actions = { inviter, revoquer, traiter, role: changerRoleMembre, retirer };
