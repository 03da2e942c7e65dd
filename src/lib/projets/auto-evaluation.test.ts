import { describe, expect, it } from 'vitest';
import { ecartees, lireReponse, phraseEcartees, score, scoreGlobal, type ScoreEtape } from './auto-evaluation.ts';

describe('self-assessment scores', () => {
	it('score the answers of the scale only, « sans objet » and « je ne sais pas » left aside', () => {
		expect(score([1, 4])).toBe(50);
		expect(score([1, 4, 'sans-objet', 'ne-sait-pas'])).toBe(50);
		expect(score([4, 'ne-sait-pas'])).toBe(100);
		expect(score(['sans-objet', 'ne-sait-pas'])).toBeNull();
		expect(score([])).toBeNull();
		expect(ecartees([1, 'sans-objet', 'sans-objet', 'ne-sait-pas'])).toEqual({ sansObjet: 2, neSaitPas: 1 });
	});

	it('average the stages that have a score, a stage set aside entirely counting for nothing', () => {
		const etape = (numero: number, s: number | null): ScoreEtape => ({ numero, titre: `Étape ${numero}`, score: s, ecartees: { sansObjet: 0, neSaitPas: 0 } });
		expect(scoreGlobal([etape(1, 100), etape(2, 0), etape(3, null)])).toBe(50);
		expect(scoreGlobal([etape(1, null)])).toBeNull();
	});

	it('say in French how many answers were set aside', () => {
		expect(phraseEcartees({ sansObjet: 0, neSaitPas: 0 })).toBe('');
		expect(phraseEcartees({ sansObjet: 1, neSaitPas: 0 })).toBe('1 réponse écartée du calcul (sans objet)');
		expect(phraseEcartees({ sansObjet: 0, neSaitPas: 1 })).toBe('1 réponse écartée du calcul (je ne sais pas)');
		expect(phraseEcartees({ sansObjet: 2, neSaitPas: 1 })).toBe('3 réponses écartées du calcul (2 sans objet, 1 je ne sais pas)');
		expect(phraseEcartees({ sansObjet: 2, neSaitPas: 0 }, true)).toBe('2 réponses écartées (2 sans objet)');
	});

	it('read only the answers offered', () => {
		expect(lireReponse('1')).toBe(1);
		expect(lireReponse('4')).toBe(4);
		expect(lireReponse('sans-objet')).toBe('sans-objet');
		expect(lireReponse('ne-sait-pas')).toBe('ne-sait-pas');
		for (const mauvais of ['0', '5', '1.5', ' 1', 'SANS-OBJET', '', null, 3]) expect(lireReponse(mauvais)).toBeUndefined();
	});
});
