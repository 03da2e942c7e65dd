import { describe, expect, it } from 'vitest';
import { descriptionDuGraphique, geometrie, svgDuGraphique } from './graphique.ts';

const series = [
	{ cote: 'ici', libelleCote: 'Ici (France)', courbe: [4, null, 16], courbeCible: [5, 10, 15] },
	{ cote: 'la-bas', libelleCote: 'Là-bas (partenaire)', courbe: [null, null, null] }
];

describe('an indicator’s chart', () => {
	it('scales to the highest of the values, the targets and the final target', () => {
		const g = geometrie(series, 24);
		expect(g.haut).toBe(24);
		expect(g.avecCiblesDePeriode).toBe(true);
		// A missing value leaves a gap in the points, not a zero.
		expect(g.points(series[0]!.courbe).split(' ')).toHaveLength(2);
		expect(g.y(0)).toBeGreaterThan(g.y(24));
	});

	it('says in words what each side reached and the target', () => {
		expect(descriptionDuGraphique(series, 24, 'jeunes')).toBe('Ici (France) : 16\u00a0jeunes après la dernière période validée ; Là-bas (partenaire) : aucune valeur validée ; cible : 24\u00a0jeunes.');
	});

	it('is a standalone SVG with its legend, what a person typed escaped', () => {
		const svg = svgDuGraphique({ libelle: 'Jeunes <script>', series, cible: null, unite: '' });
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('Jeunes &lt;script&gt; : valeurs validées');
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('Cibles des périodes');
		expect(svg).not.toContain('Cible finale');
	});
});
