import { compteDeLAdresse } from '#lib/server/comptes/compte.ts';
import { db } from '#lib/server/demarrage.ts';
import { accepter } from '#lib/server/organisations/actions.ts';
import { invitationParJeton } from '#lib/server/organisations/organisations.ts';
import { LIBELLES_ROLES } from '#lib/server/organisations/regles.ts';
import { estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

// The link of an invitation mail: the token is the permission to see it; anyone holding it
// may read whom it invites where, and only the invited address's account may accept it.
export const load: PageServerLoad = async ({ locals, params }) => {
	const i = await invitationParJeton(db(), params.jeton);
	return {
		invitation: i && { organisation: i.organisation, slug: i.slug, role: LIBELLES_ROLES[i.role], courriel: i.courriel, etat: i.etat },
		connecte: estConnecte(locals.acteur) ? { courriel: locals.acteur.courriel } : null,
		// A visitor whose address has no account is offered to create it first.
		aUnCompte: i?.etat === 'valable' && !estConnecte(locals.acteur) ? Boolean(await compteDeLAdresse(db(), i.courriel)) : null
	};
};

export const actions: Actions = { default: accepter };
