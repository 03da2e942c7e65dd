import { describe, expect, it } from 'vitest';
import { chevauche, decouper, duAu, schemaPeriode } from './regles.ts';

const cut = (debut: string, fin: string, rythme: Parameters<typeof decouper>[2]) => {
	const r = decouper(debut, fin, rythme);
	if (!r.ok) throw new Error(r.message);
	return r.periodes;
};

describe('reporting periods', () => {
	it('follow the calendar quarters, the first and last clipped to the project’s dates', () => {
		expect(cut('2027-03-10', '2027-11-20', 'trimestre')).toEqual([
			{ libelle: '1er trimestre 2027', debut: '2027-03-10', fin: '2027-03-31' },
			{ libelle: '2e trimestre 2027', debut: '2027-04-01', fin: '2027-06-30' },
			{ libelle: '3e trimestre 2027', debut: '2027-07-01', fin: '2027-09-30' },
			{ libelle: '4e trimestre 2027', debut: '2027-10-01', fin: '2027-11-20' }
		]);
	});

	it('cross the year, by month, semester and year', () => {
		expect(cut('2027-11-15', '2028-02-29', 'mois').map((p) => [p.libelle, p.debut, p.fin])).toEqual([
			['novembre 2027', '2027-11-15', '2027-11-30'],
			['décembre 2027', '2027-12-01', '2027-12-31'],
			['janvier 2028', '2028-01-01', '2028-01-31'],
			['février 2028', '2028-02-01', '2028-02-29']
		]);
		expect(cut('2027-05-01', '2028-08-31', 'semestre').map((p) => p.libelle)).toEqual(['1er semestre 2027', '2e semestre 2027', '1er semestre 2028', '2e semestre 2028']);
		expect(cut('2027-01-01', '2028-12-31', 'annee')).toEqual([
			{ libelle: 'année 2027', debut: '2027-01-01', fin: '2027-12-31' },
			{ libelle: 'année 2028', debut: '2028-01-01', fin: '2028-12-31' }
		]);
		// One day is one period.
		expect(cut('2027-06-30', '2027-06-30', 'trimestre')).toEqual([{ libelle: '2e trimestre 2027', debut: '2027-06-30', fin: '2027-06-30' }]);
	});

	it('refuse an end before the start, and a cut into more than 120 periods', () => {
		expect(decouper('2027-06-01', '2027-05-31', 'mois')).toMatchObject({ ok: false, message: expect.stringContaining('précède son début') });
		expect(decouper('2027-01-01', '2037-01-31', 'mois')).toMatchObject({ ok: false, message: expect.stringContaining('plus de 120 périodes') });
		expect(decouper('2027-01-01', '2036-12-31', 'mois')).toMatchObject({ ok: true });
	});

	it('overlap when they share a day', () => {
		expect(chevauche({ debut: '2027-01-01', fin: '2027-03-31' }, { debut: '2027-03-31', fin: '2027-06-30' })).toBe(true);
		expect(chevauche({ debut: '2027-01-01', fin: '2027-03-31' }, { debut: '2027-04-01', fin: '2027-06-30' })).toBe(false);
		expect(chevauche({ debut: '2027-02-01', fin: '2027-02-28' }, { debut: '2027-01-01', fin: '2027-12-31' })).toBe(true);
	});

	it('typed by hand, need real days in order', () => {
		expect(schemaPeriode.safeParse({ libelle: '', debut: '2027-02-30', fin: '2027-03-01' }).error?.issues[0]?.message).toBe('Indiquez une date valide, au format jj/mm/aaaa.');
		expect(schemaPeriode.safeParse({ libelle: '', debut: '2027-03-02', fin: '2027-03-01' }).error?.issues[0]).toMatchObject({ path: ['fin'], message: 'Le dernier jour de la période précède le premier.' });
		expect(schemaPeriode.safeParse({ libelle: ' Mission ', debut: '2027-03-01', fin: '2027-03-01' }).data).toEqual({ libelle: 'Mission', debut: '2027-03-01', fin: '2027-03-01' });
		// A hand-made request may leave the name out.
		expect(schemaPeriode.safeParse({ debut: '2027-03-01', fin: '2027-03-02' }).success).toBe(true);
		expect(duAu('2027-03-01', '2027-06-15').replace(/\u00a0/g, ' ')).toBe('du 1er mars 2027 au 15 juin 2027');
	});
});
