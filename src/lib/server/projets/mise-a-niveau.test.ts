// Bringing projects written before the linked logical framework to the linked shape: pure
// rules first, then the one-time migration on the real database.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadreLogique, listesDuProjet } from '#lib/projets/liens.ts';
import { lignes, section, type Donnees } from '#lib/projets/sections.ts';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import { parametres, projetsRevisions, projetsSections, utilisateurs } from '../db/schema.ts';
import { mettreANiveau, migrerLesProjets, MOTIF } from './mise-a-niveau.ts';
import { creerProjet, enregistrerSection, revisions, sectionsDuProjet } from './projets.ts';

/** A project as the forms saved it before the link: objectives one per line, activities typed in four places. */
const ANCIEN: Record<string, Donnees> = {
	'cadre-logique': {
		objectifGeneral: 'Ouvrir la mobilité aux jeunes en insertion',
		objectifsSpecifiques: '- Préparer 24 jeunes par an\r\n\r\n- Accueillir 12 jeunes de Ziguinchor',
		resultats: [
			{ resultat: 'Les jeunes ont un projet validé', activites: 'Ateliers de préparation\r\nChantier solidaire; Bilan au retour' },
			{ resultat: 'Les professionnels se sont formés', activites: '' }
		],
		indicateurs: [
			{ indicateur: 'Jeunes en emploi six mois après', cote: 'ici', unite: '%', reference: '35', cible: '60 %', source: 'SI', frequence: 'Semestrielle' },
			{ indicateur: 'Jeunes partis', cote: 'la-bas', unite: 'jeunes', reference: '', cible: '1 200', source: '', frequence: '' },
			{ indicateur: 'Confiance des partenaires', cote: 'les-deux', unite: '', reference: '35 % (2025)', cible: 'en hausse', source: '', frequence: '' }
		]
	},
	calendrier: { activites: [{ activite: 'Chantier  solidaire', debut: '2027-03-01', fin: '2027-04-30', responsable: 'Association' }] },
	implication: { activites: [{ activite: 'CHANTIER SOLIDAIRE', niveau: 'associes' }, { activite: 'Comité des jeunes', niveau: 'co-decideurs' }] },
	transversalite: { services: [{ service: 'insertion', activite: 'Comité des jeunes', implication: 'pilote' }] },
	budget: { depenses: [{ categorie: 'activites', libelle: 'Chantier', cote: 'ici', montant: 1000, devise: 'EUR', taux: null }] }
};

describe('the upgrade to the linked logical framework', () => {
	const { sections: s, modifiees } = mettreANiveau(ANCIEN);
	const cadre = s['cadre-logique']!;
	const activites = lignes(s.calendrier, 'activites');
	const idDe = (nom: string) => activites.find((a) => a.activite === nom)?.id;

	it('turns objectives typed one per line into rows, without their bullets, and links a result to the only objective only', () => {
		expect(lignes(cadre, 'objectifsSpecifiques').map((o) => o.objectif)).toEqual(['Préparer 24 jeunes par an', 'Accueillir 12 jeunes de Ziguinchor']);
		// Two objectives: which one a result serves is for the team to say.
		expect(lignes(cadre, 'resultats').map((r) => r.objectif)).toEqual(['', '']);
		const un = mettreANiveau({ 'cadre-logique': { objectifsSpecifiques: 'Un seul', resultats: [{ resultat: 'R', activites: '' }] } }).sections['cadre-logique']!;
		expect(lignes(un, 'resultats')[0]!.objectif).toBe(lignes(un, 'objectifsSpecifiques')[0]!.id);
	});

	it('makes one list of activities, matched by name whatever the case, accents or spaces, each linked to its result', () => {
		expect(activites.map((a) => a.activite)).toEqual(['Chantier  solidaire', 'Ateliers de préparation', 'Bilan au retour', 'Comité des jeunes']);
		const r1 = lignes(cadre, 'resultats')[0]!.id;
		expect(activites.map((a) => a.resultat)).toEqual([r1, r1, r1, '']);
		// The dated activity kept its dates; nothing of the old text stays in the result.
		expect(activites[0]).toMatchObject({ debut: '2027-03-01', fin: '2027-04-30', responsable: 'Association' });
		expect(lignes(cadre, 'resultats').some((r) => 'activites' in r)).toBe(false);
		expect(lignes(s.implication, 'activites').map((l) => l.activite)).toEqual([idDe('Chantier  solidaire'), idDe('Comité des jeunes')]);
		expect(lignes(s.transversalite, 'services')[0]!.activite).toBe(idDe('Comité des jeunes'));
	});

	it('gives every row of every table an id, unique in its table', () => {
		for (const [slug, d] of Object.entries(s))
			for (const c of section(slug)!.champs)
				if (c.type === 'tableau') {
					const ids = lignes(d, c.nom).map((l) => l.id);
					expect(ids.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{6,16}$/.test(id)), `${slug}.${c.nom}`).toBe(true);
					expect(new Set(ids).size).toBe(ids.length);
				}
	});

	it('gives an indicator its kind only when its figures say it without doubt, and keeps every word otherwise', () => {
		expect(lignes(cadre, 'indicateurs').map((i) => [i.type, i.agregation, i.reference, i.cible])).toEqual([
			['pourcentage', 'pourcentage', 35, 60],
			['nombre', '', '', 1200],
			['', '', '35 % (2025)', 'en hausse']
		]);
	});

	it('keeps numbers that look like bullets or thousands as typed, and never turns a link into a name', () => {
		const r = mettreANiveau({
			'cadre-logique': { objectifsSpecifiques: '2.000 jeunes accompagnés\n1. Former les agents', indicateurs: [{ indicateur: 'Jeunes', cible: '1.200', reference: '' }] },
			// Already linked, to an activity since removed: not a name to make an activity of.
			implication: { activites: [{ id: 'participation1', activite: 'activite99', niveau: 'associes' }] },
			calendrier: { activites: [{ id: 'activite01', activite: 'Chantier' }] }
		}).sections;
		expect(lignes(r['cadre-logique'], 'objectifsSpecifiques').map((o) => o.objectif)).toEqual(['2.000 jeunes accompagnés', 'Former les agents']);
		expect(lignes(r['cadre-logique'], 'indicateurs')[0]).toMatchObject({ type: '', cible: '1.200' });
		expect(lignes(r.calendrier, 'activites').map((a) => a.activite)).toEqual(['Chantier']);
		expect(lignes(r.implication, 'activites')[0]!.activite).toBe('activite99');
	});

	it('changes nothing the second time, and derives the same ids from the same rows', () => {
		expect(modifiees.sort()).toEqual(['budget', 'cadre-logique', 'calendrier', 'implication', 'transversalite']);
		expect(mettreANiveau(s).modifiees).toEqual([]);
		expect(mettreANiveau(ANCIEN).sections).toEqual(s);
	});

	it('feeds the linked lists and the matrix', () => {
		const l = listesDuProjet(s);
		expect(l.objectifs.map((o) => o.libelle)).toEqual(['OS 1 — Préparer 24 jeunes par an', 'OS 2 — Accueillir 12 jeunes de Ziguinchor']);
		expect(l.niveaux.map((o) => o.libelle.slice(0, 4))).toEqual(['OG —', 'OS 1', 'OS 2', 'R 1 ', 'R 2 ']);
		expect(l.postes).toHaveLength(2 + 4);
		expect(cadreLogique(s).map((n) => n.niveau)).toEqual([
			'Objectif général',
			'Objectif spécifique 1',
			'Objectif spécifique 2',
			'Résultat 1, sans objectif spécifique',
			'Activité 1',
			'Activité 2',
			'Activité 3',
			'Résultat 2, sans objectif spécifique',
			'Activité 4, sans résultat'
		]);
	});
});

describe('the one-time migration', () => {
	let base: BaseDeTest;
	let projetId: number;
	beforeAll(async () => {
		base = await baseDeTest();
		await base.db.insert(utilisateurs).values({ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true });
		const organisation = await nouvelleOrganisation(base.db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille');
		projetId = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'Avant le lien' }, 'camille')).id;
		for (const [slug, donnees] of Object.entries(ANCIEN)) expect((await enregistrerSection(base.db, { projetId, section: section(slug)!, donnees, versionLue: 0, auteurId: 'camille' })).ok).toBe(true);
		// The test database was migrated already: this installation runs it again, as an old one would.
		await base.db.delete(parametres).where(eq(parametres.cle, 'donnees:cadre-logique-relie'));
	});
	afterAll(() => base.detruire());

	it('writes each changed section as a new version signed by Terrinclus, keeps the old one, and runs once even when started twice at once', async () => {
		const [a, b] = await Promise.all([migrerLesProjets(base.db), migrerLesProjets(base.db)]);
		expect([a, b].sort()).toEqual([0, 1]);
		const tout = await sectionsDuProjet(base.db, projetId);
		expect(tout['cadre-logique']!.version).toBe(2);
		expect(tout.identite!.version).toBe(1);
		expect(lignes(tout.calendrier!.donnees, 'activites')).toHaveLength(4);
		const r = await revisions(base.db, projetId, 'cadre-logique');
		expect(r.map((x) => [x.version, x.auteur, x.changements])).toEqual([
			[2, 'Terrinclus (mise à niveau)', [MOTIF]],
			[1, 'Camille', expect.any(Array)]
		]);
		const [ancienne] = await base.db.select({ d: projetsRevisions.donnees }).from(projetsRevisions).where(sql`${projetsRevisions.projetId} = ${projetId} and ${projetsRevisions.section} = 'cadre-logique' and ${projetsRevisions.version} = 1`);
		expect((ancienne!.d as Donnees).objectifsSpecifiques).toBe(ANCIEN['cadre-logique']!.objectifsSpecifiques);
		expect(await migrerLesProjets(base.db)).toBe(0);
		const [n] = await base.db.select({ n: sql<number>`count(*)::int` }).from(projetsSections).where(eq(projetsSections.projetId, projetId));
		expect(n!.n).toBe(6);
	});
});
