import { describe, expect, it } from 'vitest';
import { listesDuProjet } from '#lib/projets/liens.ts';
import { lignes, section } from '#lib/projets/sections.ts';
import { actionDeTableau, changements, codeCible, lireNombre, lireSection, sansLaLigne, sansLiensPerdus, type Valides } from './saisie.ts';

const valides: Valides = {
	themes: new Set(['acces-aux-droits']),
	publics: new Set(['jeunes-insertion']),
	departements: new Set(['44']),
	pays: new Set(['SN']),
	cibles: new Set(['8.6', '10.2'])
};
const form = (entrees: Record<string, string | string[]>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entrees)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
};
const identite = section('identite')!;
const budget = section('budget')!;

describe('numbers and targets as people type them', () => {
	it('reads French numbers', () => {
		expect(lireNombre('1 234,50')).toBe(1234.5);
		expect(lireNombre('6\u202f559\u202f570')).toBe(6559570);
		expect(lireNombre('0,00152449')).toBe(0.00152449);
		expect(lireNombre('12.5')).toBe(12.5);
		expect(lireNombre('beaucoup')).toBeNaN();
		expect(lireNombre('1,2,3')).toBeNaN();
	});

	it('reads a target code from the list’s label or alone', () => {
		expect(codeCible('8.6 — D’ici à 2020, réduire…')).toBe('8.6');
		expect(codeCible('10.2')).toBe('10.2');
		expect(codeCible('16.a')).toBe('16.a');
		expect(codeCible('jeunes')).toBeUndefined();
	});
});

describe('reading a section', () => {
	it('keeps valid input, drops empty rows', () => {
		const r = lireSection(
			identite,
			form({
				titre: '  Mobilité des jeunes  ',
				themes: 'acces-aux-droits',
				'territoiresIci.0.departement': '44',
				'territoiresIci.0.communes': 'Nantes',
				'territoiresIci.1.departement': '',
				'territoiresIci.1.communes': '',
				'territoiresLaBas.0.pays': '',
				'territoiresLaBas.0.territoire': '',
				debut: '2027-01-01',
				fin: '2028-06-30',
				'cibles.0.cible': '8.6 — Réduire la proportion de jeunes…',
				'cibles.0.justification': 'Des jeunes reprennent un parcours.'
			}),
			valides
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.donnees.titre).toBe('Mobilité des jeunes');
		expect(r.donnees.territoiresIci).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9_-]{8}$/), departement: '44', communes: 'Nantes' }]);
		expect(r.donnees.territoiresLaBas).toEqual([]);
		expect(r.donnees.cibles).toEqual([{ id: expect.any(String), cible: '8.6', justification: 'Des jeunes reprennent un parcours.' }]);
	});

	it('keeps a row’s id from the form when it is well formed and unique in its table', () => {
		const r = lireSection(
			section('calendrier')!,
			form({
				'activites.0.id': 'chantier01',
				'activites.0.activite': 'Chantier',
				'activites.1.id': 'chantier01',
				'activites.1.activite': 'Copie',
				'activites.2.id': '<script>',
				'activites.2.activite': 'Bilan',
				'jalons.0.jalon': 'Comité',
				'jalons.0.activite': 'chantier01'
			}),
			valides
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const ids = lignes(r.donnees, 'activites').map((l) => l.id);
		expect(ids[0]).toBe('chantier01');
		expect(new Set(ids).size).toBe(3);
		expect(ids.slice(1).every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{8}$/.test(id))).toBe(true);
		// A link to a row that is gone is emptied on saving; one to a row that exists is kept.
		const sans = sansLiensPerdus(section('calendrier')!, r.donnees, listesDuProjet({ calendrier: { activites: [{ id: 'autre0001', activite: 'Autre' }] } }));
		expect(lignes(sans, 'jalons')[0]!.activite).toBe('');
		expect(lignes(sansLiensPerdus(section('calendrier')!, r.donnees, listesDuProjet({ calendrier: r.donnees })), 'jalons')[0]!.activite).toBe('chantier01');
		// A table missing from an old version is no reason to fail.
		expect(sansLiensPerdus(section('calendrier')!, { activites: [] }, listesDuProjet({}))).toEqual({ activites: [], jalons: [] });
		const mauvais = lireSection(section('calendrier')!, form({ 'jalons.0.jalon': 'Comité', 'jalons.0.activite': '../../etc' }), valides);
		expect(mauvais.ok || mauvais.erreurs['jalons.0.activite']).toBe('Choisissez une valeur de la liste.');
	});

	it('keeps an indicator’s figures as numbers, a percentage from 0 to 100 recomputed from its parts', () => {
		const lire = (champs: Record<string, string>) => lireSection(section('cadre-logique')!, form({ 'indicateurs.0.indicateur': 'Jeunes en emploi', ...champs }), valides);
		const ok = lire({ 'indicateurs.0.type': 'pourcentage', 'indicateurs.0.reference': '35', 'indicateurs.0.cible': '60,5 %' });
		expect(ok.ok && lignes(ok.donnees, 'indicateurs')[0]).toMatchObject({ reference: 35, cible: 60.5, agregation: 'pourcentage' });
		const erreurs = (r: ReturnType<typeof lire>) => (r.ok ? {} : r.erreurs);
		expect(erreurs(lire({ 'indicateurs.0.type': 'pourcentage', 'indicateurs.0.cible': '120' }))['indicateurs.0.cible']).toBe('Un pourcentage va de 0 à 100.');
		expect(erreurs(lire({ 'indicateurs.0.type': 'nombre', 'indicateurs.0.cible': 'beaucoup' }))['indicateurs.0.cible']).toContain('Indiquez un nombre');
		expect(erreurs(lire({ 'indicateurs.0.type': 'nombre', 'indicateurs.0.agregation': 'pourcentage' }))['indicateurs.0.agregation']).toContain('« Pourcentage »');
		expect(erreurs(lire({ 'indicateurs.0.type': 'pourcentage', 'indicateurs.0.agregation': 'somme' }))['indicateurs.0.agregation']).toContain('recalculant');
		// A qualitative indicator keeps its words.
		const q = lire({ 'indicateurs.0.type': 'qualitatif', 'indicateurs.0.cible': 'Une confiance rétablie' });
		expect(q.ok && lignes(q.donnees, 'indicateurs')[0]!.cible).toBe('Une confiance rétablie');
	});

	it('keeps a dimension’s categories once each, and splits an indicator along one or two of them', () => {
		const lire = (champs: Record<string, string>) => lireSection(section('cadre-logique')!, form({ 'ventilations.0.id': 'sexe00001', 'ventilations.0.dimension': 'Sexe', 'indicateurs.0.indicateur': 'Jeunes en emploi', ...champs }), valides);
		const erreurs = (r: ReturnType<typeof lire>) => (r.ok ? {} : r.erreurs);
		const ok = lire({ 'ventilations.0.categories': ' Femmes ;  hommes ; femmes ;; ', 'indicateurs.0.type': 'nombre', 'indicateurs.0.ventilation2': 'sexe00001' });
		expect(ok.ok && lignes(ok.donnees, 'ventilations')[0]!.categories).toBe('Femmes ; hommes');
		// The second choice alone moves up to the first.
		expect(ok.ok && lignes(ok.donnees, 'indicateurs')[0]).toMatchObject({ ventilation: 'sexe00001', ventilation2: '' });
		expect(erreurs(lire({ 'ventilations.0.categories': 'Femmes' }))['ventilations.0.categories']).toContain('au moins deux catégories');
		expect(erreurs(lire({ 'ventilations.0.categories': Array.from({ length: 21 }, (_, n) => `C${n}`).join(';') }))['ventilations.0.categories']).toBe('20 catégories au plus (21 saisies).');
		expect(erreurs(lire({ 'ventilations.0.categories': `Femmes ; ${'x'.repeat(81)}` }))['ventilations.0.categories']).toContain('80 caractères');
		expect(erreurs(lire({ 'ventilations.0.dimension': '', 'ventilations.0.categories': 'Femmes ; Hommes' }))['ventilations.0.dimension']).toContain('Nommez cette dimension');
		const deux = lire({ 'ventilations.0.categories': 'Femmes ; Hommes', 'indicateurs.0.type': 'nombre', 'indicateurs.0.ventilation': 'sexe00001', 'indicateurs.0.ventilation2': 'sexe00001' });
		expect(erreurs(deux)['indicateurs.0.ventilation2']).toContain('autre dimension');
		const qualitatif = lire({ 'ventilations.0.categories': 'Femmes ; Hommes', 'indicateurs.0.type': 'qualitatif', 'indicateurs.0.ventilation': 'sexe00001' });
		expect(erreurs(qualitatif)['indicateurs.0.ventilation']).toContain('ne se ventile pas');
	});

	it('explains every mistake next to its field, in French, and keeps what was typed', () => {
		const r = lireSection(
			identite,
			form({
				titre: '',
				themes: ['acces-aux-droits', 'inconnu'],
				'territoiresIci.0.departement': '999',
				'territoiresLaBas.0.territoire': 'Ziguinchor',
				debut: '2027-02-30',
				fin: '2026-01-01',
				'cibles.0.cible': '99.9',
				'cibles.0.justification': 'x'.repeat(501)
			}),
			valides
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.erreurs).toEqual({
			titre: '« Titre du projet » est obligatoire.',
			themes: 'Une des valeurs cochées n’existe pas.',
			'territoiresIci.0.departement': 'Choisissez une valeur de la liste.',
			'territoiresLaBas.0.pays': 'Indiquez la colonne « Pays » de cette ligne, ou videz la ligne.',
			debut: 'Indiquez une date valide (jj/mm/aaaa).',
			'cibles.0.cible': 'Choisissez une cible de la liste (par exemple « 8.6 »).',
			'cibles.0.justification': '500 caractères au plus (501 saisis).'
		});
		expect(r.valeurs.debut).toBe('2027-02-30');
		expect((r.valeurs.cibles as Record<string, string>[])[0]!.cible).toBe('99.9');
	});

	it('refuses an end before the start, control characters and a currency without its rate', () => {
		const r = lireSection(identite, form({ titre: 'Projet\u0007', debut: '2027-01-01', fin: '2026-01-01' }), valides);
		expect(!r.ok && r.erreurs).toEqual({ titre: 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.', fin: 'La fin ne peut précéder le début.' });
		const b = lireSection(
			budget,
			form({ 'depenses.0.categorie': 'activites', 'depenses.0.montant': '1000', 'depenses.0.devise': 'xof', 'depenses.1.libelle': 'Billets', 'depenses.1.montant': 'cher', 'depenses.2.libelle': 'Sans montant', 'depenses.2.devise': 'EURO' }),
			valides
		);
		expect(!b.ok && b.erreurs).toEqual({
			'depenses.0.taux': 'Indiquez la valeur d’un XOF en euros pour convertir ce montant.',
			'depenses.1.montant': 'Indiquez un nombre, par exemple 1 500 ou 0,0015.',
			'depenses.1.categorie': 'Indiquez la colonne « Catégorie » de cette ligne, ou videz la ligne.',
			'depenses.2.categorie': 'Indiquez la colonne « Catégorie » de cette ligne, ou videz la ligne.',
			'depenses.2.devise': 'Indiquez le code de la devise en trois lettres (EUR, XOF, MAD…).',
			'depenses.2.montant': 'Indiquez le montant.'
		});
	});

	it('reads a table’s own buttons, and removes a row keeping the others as typed', () => {
		expect(actionDeTableau(budget, form({ _ajouter: 'depenses' }))).toEqual({ ajouter: 'depenses' });
		expect(actionDeTableau(budget, form({ _supprimer: 'financements.2' }))).toEqual({ supprimer: { tableau: 'financements', ligne: 2 } });
		for (const autre of [{ _ajouter: 'titre' }, { _ajouter: 'inconnu' }, { _supprimer: 'depenses' }, { _supprimer: 'depenses.-1' }, { _supprimer: 'depenses.99999' }, {}] as Record<string, string>[]) expect(actionDeTableau(budget, form(autre))).toEqual({});
		const f = sansLaLigne(
			form({ _version: '3', 'depenses.0.libelle': 'Billets', 'depenses.1.libelle': 'Chantier', 'depenses.1.montant': '12', 'depenses.2.libelle': 'Traduction', 'financements.1.financeur': 'État' }),
			'depenses',
			1
		);
		expect([...f.entries()]).toEqual([
			['_version', '3'],
			['depenses.0.libelle', 'Billets'],
			['depenses.1.libelle', 'Traduction'],
			['financements.1.financeur', 'État']
		]);
	});

	it('refuses more than a hundred rows', () => {
		const entrees: Record<string, string> = {};
		for (let i = 0; i < 101; i++) entrees[`financements.${i}.financeur`] = `Financeur ${i}`;
		const r = lireSection(budget, form(entrees), valides);
		expect(!r.ok && r.erreurs.financements).toBe('100 lignes au plus.');
	});

	it('names the fields that changed', () => {
		expect(changements(identite, { titre: 'A', themes: [] }, { titre: 'B', themes: [], resume: '' })).toEqual(['Titre du projet']);
		expect(changements(identite, undefined, { titre: 'A' })).toEqual(['Titre du projet']);
		// Rows read back from the database have their keys in another order: not a change.
		expect(changements(budget, { depenses: [{ montant: 1, libelle: 'Billets' }] }, { depenses: [{ libelle: 'Billets', montant: 1 }] })).toEqual([]);
		expect(changements(budget, { depenses: [{ montant: 1, libelle: 'Billets' }] }, { depenses: [{ libelle: 'Billets', montant: 2 }] })).toEqual(['Dépenses']);
	});
});
