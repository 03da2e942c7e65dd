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
	series: [{ cote, libelleCote: cote, total: '', avancement, courbe: [], cellules: statuts.map((s, i) => ({ periodeId: i + 1, affichee: '', statut: s as never, libelleStatut: '' })) }]
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
});
