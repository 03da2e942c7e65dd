import { db } from '#lib/server/demarrage.ts';
import { suiviPeriodes } from '#lib/server/db/schema.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { montant } from '#lib/server/projets/exports/format.ts';
import { etatSection } from '#lib/server/projets/projets.ts';
import { depenser } from '#lib/server/suivi/depenses/actions.ts';
import { depensesDuProjet } from '#lib/server/suivi/depenses/base.ts';
import { executionDuBudget, lignesDuBudget } from '#lib/server/suivi/depenses/regles.ts';
import { asc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

const part = (t: number | null) => (t === null ? '—' : `${Math.round(t * 100)}\u00a0%`);

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [budget, periodes, depenses] = await Promise.all([
		etatSection(db(), projet.id, 'budget'),
		db().select({ id: suiviPeriodes.id, libelle: suiviPeriodes.libelle, verrouilleeLe: suiviPeriodes.verrouilleeLe }).from(suiviPeriodes).where(eq(suiviPeriodes.projetId, projet.id)).orderBy(asc(suiviPeriodes.debut)),
		depensesDuProjet(db(), projet.id)
	]);
	const lignes = lignesDuBudget(budget.donnees);
	const e = executionDuBudget(lignes, depenses);
	const q = event.url.searchParams;
	return {
		projet: { id: projet.id, titre: projet.titre },
		periodes: periodes.map((p) => ({ id: p.id, libelle: p.libelle, verrouillee: p.verrouilleeLe !== null })),
		lignes: lignes.map((l) => {
			const x = e.parLigne.find((y) => y.id === l.id)!;
			return {
				...l,
				prevuAffiche: montant(l.prevu, l.devise) + (l.devise === 'EUR' ? '' : ` (${montant(l.prevuEuros)})`),
				depenseAffiche: montant(x.depense, l.devise) + (l.devise === 'EUR' ? '' : ` (${montant(x.depenseEuros)})`),
				execution: part(x.taux),
				depasse: e.depassements.includes(l.id),
				montants: Object.fromEntries(depenses.filter((d) => d.ligne === l.id).map((d) => [d.periodeId, d.montant.toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 2 })]))
			};
		}),
		synthese: [...e.parCote.map((c) => ({ libelle: c.libelle, prevu: montant(c.prevuEuros), depense: montant(c.depenseEuros), execution: part(c.taux) })), { libelle: 'Ensemble', prevu: montant(e.total.prevuEuros), depense: montant(e.total.depenseEuros), execution: part(e.total.taux) }],
		peutSaisir: peut(acteur, 'saisir-valeurs', { type: 'projet', role, public: projet.public }),
		message: q.has('enregistree') ? { cle: q.get('enregistree')!, texte: 'Les dépenses de cette ligne sont enregistrées.' } : null
	};
};

export const actions: Actions = { depenser };
