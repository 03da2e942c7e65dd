import { db } from '#lib/server/demarrage.ts';
import { creer, recit, selectionner } from '#lib/server/evaluation/actions.ts';
import { evaluationsDuProjet, recitsDuProjet } from '#lib/server/evaluation/base.ts';
import { LIBELLES_TYPE } from '#lib/server/evaluation/regles.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [liste, recits] = await Promise.all([evaluationsDuProjet(db(), projet.id), recitsDuProjet(db(), projet.id)]);
	const q = event.url.searchParams;
	return {
		projet: { id: projet.id, titre: projet.titre },
		evaluations: liste.map((e) => ({ ...e, libelleType: LIBELLES_TYPE[e.type] })),
		recits: recits.map((r) => ({ id: r.id, domaine: r.domaine, recit: r.recit, narrateur: r.narrateur, cote: r.cote, selectionne: r.selectionne, raison: r.raison })),
		message: q.has('recit') ? 'Le récit est enregistré.' : q.has('selection') ? 'La sélection est enregistrée.' : null,
		types: Object.entries(LIBELLES_TYPE).map(([valeur, libelle]) => ({ valeur, libelle })),
		peutEvaluer: peut(acteur, 'evaluer', { type: 'projet', role, public: projet.public })
	};
};

export const actions: Actions = { creer, recit, selectionner };
