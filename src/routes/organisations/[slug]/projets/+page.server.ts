import { db } from '#lib/server/demarrage.ts';
import { organisationPour } from '#lib/server/organisations/actions.ts';
import { estConnecte } from '#lib/server/policies/index.ts';
import { tableauDeLOrganisation } from '#lib/server/suivi/organisation/base.ts';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation, role } = await organisationPour(locals.acteur, params.slug, 'suivre-projets');
	const acteur = locals.acteur;
	if (!estConnecte(acteur)) error(403, 'Accès refusé');
	const t = await tableauDeLOrganisation(db(), { organisationId: organisation.id, acteur, roleOrganisation: role });
	return { organisation: { nom: organisation.nom, slug: organisation.slug }, gere: role === 'proprietaire' || role === 'gestionnaire', ...t };
};
