// Evaluations on the real database: each belongs to its project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import { utilisateurs } from '../db/schema.ts';
import { creerProjet } from '../projets/projets.ts';
import { ajouterImpact, ajouterRecit, ajouterRecommandation, creerEvaluation, enregistrerConstat, evaluationDuProjet, modifierRecommandation, recitsDuProjet, recommandationsOuvertes, retirerImpact, selectionnerRecit } from './base.ts';
import { schemaConstat, schemaImpact, schemaRecit, schemaRecommandation, schemaSelection } from './regles.ts';

let base: BaseDeTest;
let projet: number;
let autre: number;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values({ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true });
	const organisation = await nouvelleOrganisation(base.db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille');
	projet = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'Évalué' }, 'camille')).id;
	autre = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'Autre' }, 'camille')).id;
});
afterAll(() => base.detruire());

describe('an evaluation', () => {
	it('keeps one finding per question, impacts by side, recommendations followed; another project reaches none of it', async () => {
		const id = await creerEvaluation(base.db, { projetId: projet, type: 'finale', titre: 'Finale', auteurId: 'camille' });
		await enregistrerConstat(base.db, { evaluationId: id, question: 'question01', constat: 'Premier', preuves: '', jugement: null, avecQui: '', personnesConcernees: false, auteurId: 'camille' });
		await enregistrerConstat(base.db, { evaluationId: id, question: 'question01', constat: 'Revu', preuves: 'Entretiens', jugement: 'satisfaisant', avecQui: 'Les familles', personnesConcernees: true, auteurId: 'camille' });
		await ajouterImpact(base.db, { evaluationId: id, cote: 'la-bas', description: 'Un service rouvert', prevu: true, positif: true, auteurId: 'camille' });
		await ajouterRecommandation(base.db, { evaluationId: id, recommandation: 'Former', decision: '', responsable: '', echeance: null, statut: 'a-decider', auteurId: 'camille' });
		const e = (await evaluationDuProjet(base.db, projet, id))!;
		expect(e.constats.map((c) => [c.constat, c.jugement, c.personnesConcernees])).toEqual([['Revu', 'satisfaisant', true]]);
		expect(await recommandationsOuvertes(base.db, projet)).toBe(1);
		expect(await modifierRecommandation(base.db, id, e.recommandations[0]!.id, { recommandation: 'Former', decision: 'Deux sessions', responsable: 'Service', echeance: '2027-09-30', statut: 'faite' }, 'camille')).toBe(true);
		expect(await recommandationsOuvertes(base.db, projet)).toBe(0);
		expect(await evaluationDuProjet(base.db, autre, id)).toBeUndefined();
		const ailleurs = await creerEvaluation(base.db, { projetId: autre, type: 'autre', titre: 'Ailleurs', auteurId: 'camille' });
		expect(await retirerImpact(base.db, ailleurs, e.impacts[0]!.id)).toBe(false);
		expect(await modifierRecommandation(base.db, ailleurs, e.recommandations[0]!.id, { recommandation: 'x', decision: '', responsable: '', echeance: null, statut: 'ecartee' }, 'camille')).toBe(false);
		expect(await retirerImpact(base.db, id, e.impacts[0]!.id)).toBe(true);
	});

	it('refuses, in French, an empty finding, a judgement off the scale, a side that is neither, a date that does not exist', () => {
		const msg = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? '' : r.error!.issues.map((i) => i.message).join(' | '));
		expect(msg(schemaConstat.safeParse({ question: 'question01', constat: ' ', preuves: '', jugement: '', avecQui: '' }))).toContain('Écrivez ce que l’évaluation a établi');
		expect(msg(schemaConstat.safeParse({ question: 'question01', constat: 'x', preuves: '', jugement: 'excellent', avecQui: '' }))).toContain('Choisissez un jugement sur l’échelle.');
		expect(msg(schemaImpact.safeParse({ cote: 'ailleurs', description: 'x', prevu: 'oui', positif: 'oui' }))).toContain('Dites de quel côté');
		expect(msg(schemaRecommandation.safeParse({ recommandation: 'x', decision: '', responsable: '', echeance: '2027-02-30', statut: 'a-decider' }))).toContain('Indiquez une date valide');
		expect(schemaConstat.parse({ question: 'question01', constat: 'x', preuves: '', jugement: '', avecQui: '', personnesConcernees: 'oui' })).toMatchObject({ jugement: null, personnesConcernees: true });
	});

	it('keeps stories of change only with consent, and a selection only with its reason', async () => {
		const recit = { domaine: 'Autonomie', recit: 'Je prends le bus seule pour aller au chantier.', narrateur: 'Une jeune de Boucotte', cote: 'la-bas' };
		expect(schemaRecit.safeParse(recit).error?.issues.map((i) => i.message)).toEqual(['Un récit ne s’enregistre qu’avec le consentement de la personne qui l’a raconté.']);
		expect(schemaRecit.parse({ ...recit, consentement: 'oui' })).toMatchObject({ consentement: true });
		expect(schemaSelection.safeParse({ selectionne: 'oui', raison: ' ' }).error?.issues.map((i) => i.message)).toEqual(['Dites pourquoi l’équipe retient ce récit : c’est le cœur de la méthode.']);
		await ajouterRecit(base.db, { projetId: projet, domaine: 'Autonomie', recit: recit.recit, narrateur: recit.narrateur, cote: 'la-bas', auteurId: 'camille' });
		const [r] = await recitsDuProjet(base.db, projet);
		expect(await selectionnerRecit(base.db, autre, r!.id, { selectionne: true, raison: 'x' })).toBe(false);
		expect(await selectionnerRecit(base.db, projet, r!.id, { selectionne: true, raison: 'Le premier déplacement seule' })).toBe(true);
		expect((await recitsDuProjet(base.db, projet))[0]).toMatchObject({ selectionne: true, raison: 'Le premier déplacement seule', consentement: true });
	});
});
