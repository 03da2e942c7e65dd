import { describe, expect, it } from 'vitest';
import { activitesPrevues, estEnRetard, friseSuivie, lireAvancement } from './regles.ts';

const AUJOURDHUI = '2027-04-15';

describe('an activity’s follow-up', () => {
	it('is read with its actual dates, which cannot be in the future nor end before they start', () => {
		expect(lireAvancement({ statut: 'en-cours', debutReel: '2027-03-02', commentaire: ' Démarrée avec une semaine de retard ' }, AUJOURDHUI)).toEqual({ ok: true, avancement: { statut: 'en-cours', debutReel: '2027-03-02', finReelle: null, commentaire: 'Démarrée avec une semaine de retard' } });
		const erreurs = (s: Record<string, string>) => {
			const r = lireAvancement(s, AUJOURDHUI);
			return r.ok ? {} : r.erreurs;
		};
		expect(erreurs({ statut: 'terminee', debutReel: '2027-03-02' }).finReelle).toBe('Indiquez la date à laquelle l’activité s’est terminée.');
		expect(erreurs({ statut: 'en-cours' }).debutReel).toContain('a commencé');
		expect(erreurs({ statut: 'terminee', debutReel: '2027-03-10', finReelle: '2027-03-01' }).finReelle).toBe('La fin ne peut précéder le début.');
		expect(erreurs({ statut: 'en-cours', debutReel: '2027-05-01' }).debutReel).toContain('ne peut être dans le futur');
		expect(erreurs({ statut: 'prevue', debutReel: '2027-02-30' }).debutReel).toContain('date valide');
		// Day 32 or month 13 make Date throw: still a French message.
		expect(erreurs({ statut: 'prevue', debutReel: '2027-02-32', finReelle: '2027-13-01' })).toMatchObject({ debutReel: expect.stringContaining('date valide'), finReelle: expect.stringContaining('date valide') });
		expect(erreurs({ statut: 'finie' }).statut).toBe('Choisissez un état dans la liste.');
	});

	it('is late when the team says so, or when its planned end is past and it is neither finished nor abandoned', () => {
		expect(estEnRetard({ fin: '2027-03-31' }, undefined, AUJOURDHUI)).toBe(true);
		expect(estEnRetard({ fin: '2027-03-31' }, { statut: 'terminee' }, AUJOURDHUI)).toBe(false);
		expect(estEnRetard({ fin: '2027-03-31' }, { statut: 'abandonnee' }, AUJOURDHUI)).toBe(false);
		expect(estEnRetard({ fin: '2027-06-30' }, { statut: 'en-retard' }, AUJOURDHUI)).toBe(true);
		expect(estEnRetard({ fin: '2027-06-30' }, { statut: 'en-cours' }, AUJOURDHUI)).toBe(false);
		expect(estEnRetard({ fin: '' }, undefined, AUJOURDHUI)).toBe(false);
	});

	it('draws planned against actual on one scale, an activity under way running to today', () => {
		const [a, b] = activitesPrevues({ activites: [{ id: 'activite01', activite: 'Chantier', debut: '2027-03-01', fin: '2027-03-31' }, { id: 'activite02', activite: 'Bilan', debut: '', fin: '' }, { activite: 'Sans id' }] });
		expect(b).toMatchObject({ libelle: 'Bilan' });
		const f = friseSuivie([{ ...a!, suivi: { statut: 'en-cours', debutReel: '2027-03-16', finReelle: null, commentaire: '' } }, b!], AUJOURDHUI);
		expect([f.debut, f.fin]).toEqual(['2027-03-01', AUJOURDHUI]);
		expect(f.barres[0]!.prevue!.x).toBe(0);
		expect(f.barres[0]!.reelle).toMatchObject({ enCours: true });
		expect(f.barres[0]!.reelle!.x).toBeCloseTo(15 / 46);
		expect(f.barres[1]).toEqual({ libelle: 'Bilan', prevue: null, reelle: null });
	});
});
