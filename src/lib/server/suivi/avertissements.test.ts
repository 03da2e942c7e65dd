import { describe, expect, it } from 'vitest';
import { avertissementsDuSuivi } from './avertissements.ts';
import type { LigneTableau } from './valeurs/tableau.ts';

const ligne = (libelle: string, cote: 'ici' | 'la-bas', statuts: (string | null)[], avancement: number | null = null): LigneTableau => ({
	id: libelle,
	libelle,
	type: 'nombre',
	unite: '',
	sens: 'hausse',
	reference: 0,
	cible: 10,
	cibleAffichee: '10',
	series: [{ cote, libelleCote: cote, total: '', avancement, courbe: [], cellules: statuts.map((s, i) => ({ periodeId: i + 1, affichee: '', statut: s as never, libelleStatut: '', cible: '', atteinte: null, ecarts: [] })), courbeCible: [], ventilations: [] }]
});
const PERIODES = [
	{ id: 1, libelle: 'T1', fin: '2027-03-31' },
	{ id: 2, libelle: 'T2', fin: '2027-06-30' },
	{ id: 3, libelle: 'T3', fin: '2027-09-30' }
];

describe('the monitoring warnings', () => {
	it('say when France has no value yet, which closed period waits, what is far off, late or over budget', () => {
		const a = avertissementsDuSuivi({
			aujourdhui: '2027-07-15',
			periodes: PERIODES,
			tableau: [ligne('Agents formés', 'ici', [null, null, null]), ligne('Jeunes accueillis', 'la-bas', ['validee', 'validee', null], 0.1)],
			activitesEnRetard: ['Chantier'],
			lignesEnDepassement: ['Billets']
		});
		expect(a).toEqual([
			'Aucune valeur en France pour « Agents formés » : ce qui change ici compte autant que ce qui change là-bas.',
			'Des périodes closes attendent encore des valeurs : « T1 », « T2 ».',
			'Plus de la moitié des périodes sont passées et « Jeunes accueillis » reste loin de sa cible (moins d’un quart du chemin).',
			'Une activité est en retard : « Chantier ».',
			'Le budget dérive : « Billets » dépasse le montant prévu.'
		]);
	});

	it('stay quiet before any period closes, and when all is well', () => {
		expect(avertissementsDuSuivi({ aujourdhui: '2027-01-15', periodes: PERIODES, tableau: [ligne('Agents formés', 'ici', [null, null, null])], activitesEnRetard: [], lignesEnDepassement: [] })).toEqual([]);
		expect(avertissementsDuSuivi({ aujourdhui: '2027-10-15', periodes: PERIODES, tableau: [ligne('Agents formés', 'ici', ['validee', 'soumise', 'validee'], 0.8)], activitesEnRetard: [], lignesEnDepassement: [] })).toEqual([]);
	});

	it('name a validated value short of its period’s target, and a split that does not add up', () => {
		const l = ligne('Jeunes accueillis', 'la-bas', ['validee', 'soumise', null], 0.6);
		// T1 short of its target, T2 short too but not validated: only T1 is named.
		l.series[0]!.cellules[0]!.atteinte = false;
		l.series[0]!.cellules[1]!.atteinte = false;
		l.series[0]!.cellules[1]!.ecarts = ['La ventilation par sexe donne 4 pour un total de 5.'];
		expect(avertissementsDuSuivi({ aujourdhui: '2027-10-15', periodes: PERIODES, tableau: [l], activitesEnRetard: [], lignesEnDepassement: [] })).toEqual([
			'Une période close attend encore des valeurs : « T3 ».',
			'Une valeur validée n’atteint pas la cible de sa période : « Jeunes accueillis » (là-bas, T1).',
			'La ventilation d’une valeur ne tombe pas juste pour « Jeunes accueillis » : la somme des catégories diffère du total.'
		]);
	});
});
