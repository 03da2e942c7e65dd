import { constat, evaluationPour, impact, questionsDuPlan, recommander, retirer } from '#lib/server/evaluation/actions.ts';
import { ECHELLE, LIBELLES_STATUT, LIBELLES_TYPE } from '#lib/server/evaluation/regles.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { preuvesDeLaPage } from '#lib/server/fichiers/preuves/actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [e, questions, preuves] = await Promise.all([evaluationPour(projet.id, event.params.evaluation), questionsDuPlan(projet.id), preuvesDeLaPage(event, projet.id, role, acteur, ['constat'])]);
	const q = event.url.searchParams;
	return {
		projet: { id: projet.id, titre: projet.titre },
		evaluation: { id: e.id, titre: e.titre, libelleType: LIBELLES_TYPE[e.type] },
		questions: questions.map((x) => ({ ...x, constat: e.constats.find((c) => c.question === x.id) ?? null })),
		// Findings of questions since removed from the plan stay readable.
		orphelins: e.constats.filter((c) => !questions.some((x) => x.id === c.question)),
		impacts: e.impacts,
		recommandations: e.recommandations,
		echelle: ECHELLE,
		preuves,
		statuts: Object.entries(LIBELLES_STATUT).map(([valeur, libelle]) => ({ valeur, libelle })),
		peutEvaluer: peut(acteur, 'evaluer', { type: 'projet', role, public: projet.public }),
		message: q.has('creee') ? 'L’évaluation est commencée : répondez aux questions du plan, relevez les impacts, formulez les recommandations.' : q.has('constat') ? 'Le constat est enregistré.' : q.has('impact') ? 'L’impact est ajouté.' : q.has('impact-retire') ? 'L’impact est retiré.' : q.has('recommandation') ? 'La recommandation est enregistrée.' : null
	};
};

export const actions: Actions = { constat, impact, retirer, recommander };
