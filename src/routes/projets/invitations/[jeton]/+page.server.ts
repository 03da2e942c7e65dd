import { compteDeLAdresse } from '#lib/server/comptes/compte.ts';
import { db } from '#lib/server/demarrage.ts';
import { estConnecte } from '#lib/server/policies/index.ts';
import { accepter, LIBELLES_ROLES_PROJET } from '#lib/server/projets/actions.ts';
import { invitationProjetParJeton } from '#lib/server/projets/projets.ts';
import type { Actions, PageServerLoad } from './$types';

// The link of a project invitation: the token is the permission to see whom it invites to
// which project; only the invited address's account may accept it.
export const load: PageServerLoad = async ({ locals, params }) => {
	const i = await invitationProjetParJeton(db(), params.jeton);
	return {
		invitation: i && { projet: i.projet, porteur: i.porteur, role: LIBELLES_ROLES_PROJET[i.role], courriel: i.courriel, etat: i.etat },
		connecte: estConnecte(locals.acteur) ? { courriel: locals.acteur.courriel } : null,
		// A visitor whose address has no account is offered to create it first.
		aUnCompte: i?.etat === 'valable' && !estConnecte(locals.acteur) ? Boolean(await compteDeLAdresse(db(), i.courriel)) : null
	};
};

export const actions: Actions = { default: accepter };
