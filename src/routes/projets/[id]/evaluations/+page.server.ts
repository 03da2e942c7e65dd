import { db } from '#lib/server/demarrage.ts';
import { creer } from '#lib/server/evaluation/actions.ts';
import { evaluationsDuProjet } from '#lib/server/evaluation/base.ts';
import { LIBELLES_TYPE } from '#lib/server/evaluation/regles.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	return {
		projet: { id: projet.id, titre: projet.titre },
		evaluations: (await evaluationsDuProjet(db(), projet.id)).map((e) => ({ ...e, libelleType: LIBELLES_TYPE[e.type] })),
		types: Object.entries(LIBELLES_TYPE).map(([valeur, libelle]) => ({ valeur, libelle })),
		peutEvaluer: peut(acteur, 'evaluer', { type: 'projet', role, public: projet.public })
	};
};

export const actions: Actions = { creer };
