import { modifier, organisationPour } from '#lib/server/organisations/actions.ts';
import { optionsFormulaire } from '#lib/server/organisations/regles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation: o } = await organisationPour(locals.acteur, params.slug, 'modifier');
	const territoire = o.type === 'departement' ? 'departement' : o.type === 'region' ? 'region' : o.type === 'commune-intercommunalite' ? 'commune' : 'pays';
	return {
		organisation: { nom: o.nom, slug: o.slug },
		valeurs: { nom: o.nom, type: o.type, description: o.description, pays: o.pays, [territoire]: territoire === 'pays' ? o.pays : (o.codeTerritoire ?? '') },
		options: optionsFormulaire()
	};
};

export const actions: Actions = { default: modifier };
