// The SDG reference data as the kit shows it: the corrections of reference/sdg/NOTES.md hold.
import { describe, expect, it } from 'vitest';
import { referentielOdd } from './odd.ts';

const objectif = (n: number) => referentielOdd().objectifs.find((o) => o.numero === n)!;

describe('the SDG reference data', () => {
	it('has the 17 goals and 169 targets', () => {
		expect(referentielOdd().objectifs).toHaveLength(17);
		expect(referentielOdd().cibles).toHaveLength(169);
	});

	it('names goal 8 « Travail décent et croissance économique », as the United Nations do', () => {
		expect(objectif(8).intituleCourt.fr).toBe('Travail décent et croissance économique');
		expect(objectif(7).intituleCourt.fr).toBe("Énergie propre et d'un coût abordable");
		expect(objectif(2).intituleCourt.fr).toBe('Faim « zéro »');
	});

	it('gives composed Unicode and single spaces, whatever the upstream files hold', () => {
		const textes = [
			...referentielOdd().objectifs.flatMap((o) => [o.titre.fr, o.intituleCourt.fr]),
			...referentielOdd().cibles.map((c) => c.titre.fr)
		];
		for (const t of textes) {
			expect(t).toBe(t.normalize('NFC'));
			expect(t).not.toMatch(/\s{2}/);
		}
		expect(objectif(4).titre.fr).toContain('possibilités d’apprentissage tout au long de la vie');
	});
});
