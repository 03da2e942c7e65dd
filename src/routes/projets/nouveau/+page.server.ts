import { db } from '#lib/server/demarrage.ts';
import { mesOrganisations } from '#lib/server/organisations/organisations.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import { connecte, creer } from '#lib/server/projets/actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const acteur = connecte(event);
	autoriser(acteur, 'creer', { type: 'projets' });
	const orgs = await mesOrganisations(db(), acteur.id);
	return { organisations: orgs.map((o) => ({ valeur: String(o.id), libelle: o.nom })) };
};

export const actions: Actions = { default: creer };
