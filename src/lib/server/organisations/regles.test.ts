import { describe, expect, it } from 'vitest';
import { lireOrganisation, nomTerritoire, slugDe } from './regles.ts';

describe('the organisation form', () => {
	it('takes the territory its kind asks for', () => {
		expect(lireOrganisation({ nom: 'Département de Loire-Atlantique', type: 'departement', departement: '44', pays: 'SN' })).toEqual({
			ok: true,
			donnees: { nom: 'Département de Loire-Atlantique', type: 'departement', description: '', pays: 'FR', codeTerritoire: '44' }
		});
		const commune = lireOrganisation({ nom: 'Ville de Nantes', type: 'commune-intercommunalite', commune: ' 44109 ' });
		expect(commune.ok && commune.donnees.codeTerritoire).toBe('44109');
		expect(lireOrganisation({ nom: 'Nantes Métropole', type: 'commune-intercommunalite', commune: '244400404' }).ok).toBe(true);
		const etrangere = lireOrganisation({ nom: 'Commune de Ziguinchor', type: 'collectivite-etrangere', pays: 'sn' });
		expect(etrangere.ok && etrangere.donnees).toMatchObject({ pays: 'SN', codeTerritoire: null });
	});

	it('reports every error at once, in French', () => {
		const r = lireOrganisation({ nom: '<i>x</i>', type: 'commune-intercommunalite', commune: '99999' });
		expect(r.ok).toBe(false);
		expect(!r.ok && Object.keys(r.erreurs).sort()).toEqual(['commune', 'nom']);
		expect(!r.ok && lireOrganisation({ nom: 'X', type: 'collectivite-etrangere', pays: 'FR' })).toMatchObject({ erreurs: { pays: expect.stringContaining('n’est pas en France') } });
		expect(lireOrganisation({ nom: '', type: 'inconnu' })).toMatchObject({ ok: false, erreurs: { nom: 'Indiquez le nom de l’organisation.', type: 'Choisissez le type d’organisation.' } });
		expect(lireOrganisation({ nom: 'Région', type: 'region', region: '99' })).toMatchObject({ ok: false, erreurs: { region: expect.any(String) } });
	});

	it('names territories and addresses in words', () => {
		expect(nomTerritoire({ type: 'departement', pays: 'FR', codeTerritoire: '974' })).toBe('La Réunion (974)');
		expect(nomTerritoire({ type: 'commune-intercommunalite', pays: 'FR', codeTerritoire: '44109' })).toBe('Nantes (44109)');
		expect(nomTerritoire({ type: 'collectivite-etrangere', pays: 'MG', codeTerritoire: null })).toBe('Madagascar');
		expect(slugDe('Département de l’Hérault — Coopération !')).toBe('departement-de-l-herault-cooperation');
	});
});
