import { ROLES_PROJET } from '#lib/server/db/schema.ts';
import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { ajouter, changerRole, inviter, LIBELLES_ROLES_PROJET, projetPour, quitter, retirer, revoquer } from '#lib/server/projets/actions.ts';
import { equipeDuProjet, invitationsEnAttente, membresAjoutables } from '#lib/server/projets/projets.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const gerer = peut(acteur, 'gerer-equipe', { type: 'projet', role, public: projet.public });
	const [equipe, invitations, ajoutables] = await Promise.all([
		equipeDuProjet(db(), projet.id),
		gerer ? invitationsEnAttente(db(), projet.id) : [],
		gerer ? membresAjoutables(db(), projet.id, projet.organisationId) : []
	]);
	return {
		projet: { id: projet.id, titre: projet.titre, porteur: projet.porteur },
		moi: acteur.id,
		gerer,
		roles: ROLES_PROJET.map((r) => ({ valeur: r, libelle: LIBELLES_ROLES_PROJET[r] })),
		equipe: equipe.map((m) => ({ ...m, courriel: gerer ? m.courriel : '', roleLibelle: LIBELLES_ROLES_PROJET[m.role] })),
		invitations: invitations.map((i) => ({ ...i, expireLe: i.expireLe.toISOString(), roleLibelle: LIBELLES_ROLES_PROJET[i.role] })),
		ajoutables: ajoutables.map((m) => ({ valeur: m.id, libelle: `${m.nom} (${m.courriel})` }))
	};
};

export const actions: Actions = { inviter, ajouter, role: changerRole, retirer, revoquer, quitter };
