// What a practitioner of decentralised cooperation checks in the example content (issue
// « Confiance »): nothing points at a real authority, the law is quoted right and dated, the
// numbers add up, and every SDG target and tag rests on what the fiche says.
import { describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { SECTIONS_FICHE } from '../../src/lib/server/contenu/schemas.ts';
import { DEPARTEMENTS, region } from '../../src/lib/server/referentiels/territoires.ts';
import { CONTENU_REEL } from '../support/contenu.ts';

const kit = lireContenu(CONTENU_REEL);
type Fiche = (typeof kit.fiches)[number];
const fiche = (slug: string) => kit.fiches.find((f) => f.slug === slug)!;
const corps = (f: Fiche) => SECTIONS_FICHE.map(([, champ]) => f[champ]).join('\n\n');
/** Everything a reader of the fiche reads. */
const toutLeTexte = (f: Fiche) =>
	[
		f.titre,
		f.resume,
		f.porteur,
		...f.partenairesIci,
		...f.partenairesLaBas,
		f.territoiresLaBas ?? '',
		f.budgetCommentaire ?? '',
		...f.financements.map((x) => x.financeur),
		...f.temoignages.flatMap((t) => [t.citation, t.auteur]),
		...f.ressources.flatMap((r) => [r.titre, r.description]),
		...f.contacts.flatMap((c) => [c.nom, c.role]),
		...f.odd.map((o) => o.justification),
		corps(f)
	].join('\n');
const page = (slug: string) => kit.pages.find((p) => p.slug === slug)!.corps;
const etape = (n: number) => kit.etapes.find((e) => e.numero === n)!;
const texteEtape = (e: (typeof kit.etapes)[number]) =>
	[
		e.pourquoi,
		...e.questionsCles,
		...e.recommandations.flatMap((r) => [r.titre, r.pourquoi, r.enPratique ?? '']),
		...e.ecueils.flatMap((x) => [x.titre, x.description]),
		...e.outils.flatMap((o) => [o.titre, o.description, o.contenu])
	].join('\n');
const normal = (s: string) => s.replaceAll('’', "'").replace(/\s+/g, ' ');

describe('no example fiche can be pinned on a real authority', () => {
	// The Départements the sources show taking part in Terrinclus or on its pages.
	const PARTICIPANTS = ['11', '44', '54', '62', '73', '78', '90', '94', '85', '974', '82'];

	it.each(kit.fiches.map((f) => [f.slug, f] as const))('%s names a region only, of several départements, and no Département', (_s, f) => {
		expect(f.departements).toEqual([]);
		expect(f.regions).toHaveLength(1);
		expect(region(f.regions[0]!)!.departements).toBeGreaterThanOrEqual(3);
		expect(f.porteur).toMatch(/^Une? /);
		const texte = normal(toutLeTexte(f));
		for (const d of DEPARTEMENTS.filter((x) => PARTICIPANTS.includes(x.code))) {
			expect(texte, `${f.slug} nomme ${d.nom}`).not.toContain(d.nom.replaceAll('’', "'"));
		}
		// The porteur says its region, spelt as the official split does.
		expect(normal(f.porteur)).toContain(region(f.regions[0]!)!.nom.replaceAll('’', "'"));
	});

	it('gives no sub-regional hint that narrows a region to one Département', () => {
		for (const f of kit.fiches) {
			expect(toutLeTexte(f), f.slug).not.toMatch(/petite couronne|ouest francilien|façade atlantique|Massif central|Département alpin|département de montagne|d'outre-mer|des Antilles|océan Indien/i);
		}
	});

	it('marks every contact of an example fiche as fictitious', () => {
		for (const f of kit.fiches) for (const c of f.contacts) expect(c.fictif, `${f.slug} : ${c.nom}`).toBe(true);
	});

	it('pins no invented fact on a real, named body', () => {
		const INTERDITS: [RegExp, string][] = [
			[/franco-tunisien/i, 'le fonds conjoint franco-tunisien'],
			[/Erasmus|programme européen de mobilité|programme européen de volontariat/i, 'un programme européen pour une mobilité qu’il ne finance pas'],
			[/institution publique chargée de la protection de l'enfance|antenne (régionale|publique)/i, 'l’institution publique haïtienne de protection de l’enfance'],
			[/chambre régionale de l'économie sociale/i, 'une chambre régionale de l’ESS'],
			[/chambre de commerce/i, 'la chambre de commerce de la plaine'],
			[/Café des Aidants|cafés? des aidants|[®™]/i, 'une marque déposée'],
			[/Kpalimé|Koudougou|Zahlé/, 'une ville qui désigne la commune partenaire'],
			[/rédigé la moitié de cette fiche/, 'une fiche d’exemple écrite par des jeunes'],
			[/appui aux initiatives de migrants/i, 'le programme d’appui aux organisations de migrants, dont le plafond est de 15 000 €']
		];
		for (const f of kit.fiches) {
			const texte = normal(toutLeTexte(f));
			for (const [motif, quoi] of INTERDITS) expect(texte, `${f.slug} : ${quoi}`).not.toMatch(motif);
		}
	});
});

describe('the law and the funding rules', () => {
	const L1115_1 =
		"« Dans le respect des engagements internationaux de la France, les collectivités territoriales et leurs groupements peuvent mettre en œuvre ou soutenir toute action internationale annuelle ou pluriannuelle de coopération, d'aide au développement ou à caractère humanitaire. »";

	it('quotes CGCT article L. 1115-1 word for word in « Pourquoi s’engager ? », and dates it', () => {
		const texte = normal(page('pourquoi-s-engager'));
		expect(texte).toContain(L1115_1);
		expect(texte).toMatch(/L\. 1115-1 .*vérifié le 1er décembre 2026/);
		expect(texte).not.toMatch(/dans le respect de leurs engagements internationaux/);
	});

	it('puts in the convention template what L. 1115-1 and L. 1115-5 require', () => {
		const trame = etape(2).outils.find((o) => /convention/i.test(o.titre))!;
		const texte = normal(`${trame.description}\n${trame.contenu}`);
		expect(texte).toMatch(/Objet des actions envisagées/);
		expect(texte).toMatch(/montant prévisionnel des engagements financiers/);
		expect(texte).toMatch(/entre en vigueur dès sa transmission au représentant de l'État/);
		expect(texte).toMatch(/jamais l'État ni l'un de ses services \(article L\. 1115-5/);
		expect(texte).toMatch(/vérifiés le 1er décembre 2026/);
	});

	it('has no Département sign a convention with a foreign State body', () => {
		const ETAT = /tribunal|préfecture|gouvernorat|ministère|institution publique|direction de l'action sociale|services? (régionaux|de l'État)/i;
		for (const f of kit.fiches) {
			for (const p of f.partenairesLaBas) expect(p, f.slug).not.toMatch(ETAT);
			for (const phrase of corps(f).split(/(?<=[.!?])\s/)) {
				if (/convention (de coopération|à quatre|lie|a été signée)/.test(phrase)) expect(phrase, f.slug).not.toMatch(/tribunal,|préfecture|gouvernorat/);
			}
		}
		expect(fiche('volontariat-reciproque-jeunes-togo').partenairesLaBas[0]).toMatch(/^Une commune /);
		expect(corps(fiche('acces-aux-droits-etat-civil-madagascar'))).toMatch(/Le tribunal, juridiction de l'État malgache, n'y est pas partie/);
	});

	it('tells the minimum vieillesse (Aspa) from a contributory pension, and dates the rule', () => {
		const mali = fiche('migrants-acces-aux-droits-mali');
		const texte = normal(toutLeTexte(mali));
		expect(texte).toMatch(/Aspa/);
		expect(texte).toMatch(/plus de six mois \(180 jours\) dans l'année \(service-public\.fr.*vérifiées le 1er décembre 2026\)/);
		expect(texte).not.toMatch(/perdais une partie de ma retraite/);
	});

	it('asks no development agency for less than the Ficol floor, and says the floor in stage 5', () => {
		for (const f of kit.fiches) {
			for (const x of f.financements.filter((x) => x.type === 'agence-developpement')) expect(x.montant ?? Infinity, f.slug).toBeGreaterThanOrEqual(200_000);
		}
		expect(normal(etape(5).pourquoi)).toMatch(/Ficol.*200 000 à 1 500 000 euros.*vérifiées le 1er décembre 2026/);
	});

	it('dates every legal or funding rule it states, where it states it', () => {
		const REGLE = /article L\. ?\d|loi n°|service-public\.fr|service-civique\.gouv\.fr|Ficol|règlement de l'appel/;
		const DATE = /vérifiée?s? le 1er décembre 2026/;
		const unites = [
			...kit.fiches.flatMap((f) => SECTIONS_FICHE.map(([titre, champ]) => [`${f.slug} ${titre}`, f[champ]] as const)),
			...kit.etapes.flatMap((e) => [
				...e.pourquoi.split(/\n\n/).map((p, i) => [`étape ${e.numero} §${i}`, p] as const),
				...e.outils.map((o) => [`étape ${e.numero} ${o.titre}`, `${o.description}\n${o.contenu}`] as const)
			]),
			...kit.pages.flatMap((p) => p.corps.split(/\n\n/).map((x, i) => [`${p.slug} §${i}`, x] as const))
		];
		const regles = unites.filter(([, t]) => REGLE.test(t));
		expect(regles.length).toBeGreaterThan(6);
		for (const [ou, t] of regles) expect(normal(t), ou).toMatch(DATE);
	});
});

describe('the numbers of each fiche add up', () => {
	it.each(kit.fiches.map((f) => [f.slug, f] as const))('%s: the funders pay the budget', (_s, f) => {
		expect(f.financements.reduce((n, x) => n + (x.montant ?? 0), 0)).toBe(f.budgetMontant);
	});

	it('counts the six salariés who left for Morocco, not the eight recruited', () => {
		const maroc = corps(fiche('chantier-insertion-rehabilitation-maroc'));
		expect(maroc).toMatch(/Deux des huit salariés recrutés se sont désistés/);
		expect(maroc).toMatch(/le groupe est parti à six/);
		expect(maroc).toMatch(/Sur les six salariés partis, quatre/);
		expect(maroc).not.toMatch(/Sur huit participants/);
	});

	it('counts the Togolese volunteers year by year as the text tells it', () => {
		const togo = corps(fiche('volontariat-reciproque-jeunes-togo'));
		// 24 French volunteers left, 2 came back early: 22 completed.
		expect(togo).toMatch(/Vingt-quatre jeunes du département sont partis ; vingt-deux ont achevé leur mission, deux sont rentrés plus tôt/);
		// 6 the first year (2 visas refused, sent the year after among its 8), 8 and 8: 22.
		expect(togo).toMatch(/Vingt-deux volontaires togolais ont été accueillis en France pendant ces trois promotions : six la première année, huit chacune des deux suivantes/);
		expect(togo).toMatch(/deux volontaires togolais n'ont pu partir la première année/);
	});
});

describe('the SDG targets', () => {
	// Words of a justification that a fiche's body must contain for the three the issue named.
	it('rest on facts the fiche tells', () => {
		expect(fiche('chantier-insertion-rehabilitation-maroc').odd.map((o) => o.cible)).not.toContain('11.1');
		const liban = fiche('emploi-personnes-handicap-liban');
		expect(liban.odd.find((o) => o.cible === '11.2')?.justification).toMatch(/minibus accessible/);
		expect(corps(liban)).toMatch(/minibus accessible vers deux zones d'activité/);
		const mali = fiche('migrants-acces-aux-droits-mali');
		expect(mali.odd.find((o) => o.cible === '10.c')?.justification).toMatch(/envoi d'argent/);
		expect(corps(mali)).toMatch(/frais des moyens d'envoi d'argent/);
	});

	it('keep 17.9 (capacities of developing countries) for the partner abroad', () => {
		for (const f of kit.fiches) {
			const o = f.odd.find((x) => x.cible === '17.9');
			if (o) expect(o.justification, f.slug).not.toMatch(/France|français|guadeloup|réciproque|deux territoires/i);
		}
	});

	it.each(kit.fiches.map((f) => [f.slug, f] as const))('%s: each justification shares its key words with the body', (_s, f) => {
		const texte = normal(toutLeTexte(f)).toLowerCase();
		for (const o of f.odd) {
			const mots = [...new Set(normal(o.justification).toLowerCase().match(/\p{L}{7,}/gu) ?? [])];
			const trouves = mots.filter((m) => texte.replace(normal(o.justification).toLowerCase(), '').includes(m.slice(0, 6)));
			expect(trouves.length, `${f.slug} ${o.cible} : ${o.justification}`).toBeGreaterThanOrEqual(2);
		}
	});
});

// For each recommendation, what a fiche tagged with it must tell: a tag the body does not
// support sends a reader to a fiche that does not illustrate it.
const INDICES: Record<string, RegExp> = {
	'1.1': /délibération|mandat|note de cadrage/,
	'1.2': /besoins?|obstacle|pratique [\p{L}]+ existante/u,
	'1.3': /diagnostic (partagé|commun)|trame commune|grille commune/,
	'1.4': /(travailleurs sociaux|familles)[^.]*diagnostic|diagnostic[^.]*(travailleurs sociaux|familles)|associés dès le diagnostic|Associer les familles/,
	'1.5': /Identifier ce que le projet apportera|Dans le département, interroger|Tirer du diagnostic des enseignements pour/,
	'1.6': /moyens réels|deux agents à temps partiel/,
	'1.7': /document de conclusions|validé par les deux assemblées/,
	'2.1': /cartographi/,
	'2.2': /(associations?|ONG|réseaux?|fédération)[^.]*(comité de pilotage|décisions|parties prenantes|confiance)|(rôle décisif|parties prenantes)[^.]*(associations?|ONG)/,
	'2.3': /convention/,
	'2.4': /comité de pilotage/,
	'2.5': /équilibre|égal à égal|égalité/,
	'2.6': /point mensuel|tous les (trimestres|quatre mois)|messagerie|visioconférence/,
	'2.7': /réseau d'appui|dispositif d'appui/,
	'2.8': /suppléant|compte rendu partagé/,
	'2.9': /action courte/,
	'3.1': /consult|ont défini|ont choisi|dès le diagnostic|participé au choix/,
	'3.2': /niveau de participation|ce que les [\p{L}]+ décideraient|ce qui serait décidé/u,
	'3.3': /freins/,
	'3.4': /confiance/,
	'3.5': /préparation[^.]*(départ|week-ends|séances)|(Six|Trois|deux) (séances|mois|week-ends) de préparation/,
	'3.6': /consentement|accord écrit/,
	'3.7': /attestation|carnet de compétences/,
	'3.8': /participent à l'évaluation|questionnaire d'évaluation|groupes de parole/,
	'4.1': /copilot|porté conjointement/,
	'4.2': /référent/,
	'4.3': /programme départemental d'insertion|schéma départemental|plan jeunesse|stratégie départementale|pacte départemental/,
	'4.4': /interservices/,
	'4.5': /ordre de mission|entretien (annuel|professionnel)|formation continue|temps de travail/,
	'4.6': /tableau de bord|note d'étape/,
	'4.7': /services supports|service juridique/,
	'4.8': /rapporté la méthode|ont introduit|ont modifié|revenir|alimenté|formation des nouveaux/,
	'5.1': /cadre logique/,
	'5.2': /indicateurs|en France comme au Bénin|questionnaire/,
	'5.3': /budget/,
	'5.4': /cofinanceurs|plusieurs sources/,
	'5.5': /deux voix/,
	'5.6': /risques/,
	'5.7': /budget de l'évaluation/,
	'6.1': /réunion de lancement[^.]*calendrier partagé/,
	'6.2': /mêmes indicateurs|suivi partagé/,
	'6.3': /remontée d'information/,
	'6.4': /carnets? de bord|au fil de l'eau/,
	'6.5': /mi-parcours|recentr/,
	'6.6': /flux financiers|transferts de fonds|versement en deux tranches|avance/,
	'6.7': /radio|auprès des habitants/,
	'7.1': /questions évaluatives|questions auxquelles l'évaluation|définir les questions/,
	'7.2': /effets en France|en France comme|des deux côtés/,
	'7.3': /situation de référence/,
	'7.4': /récits|groupes de parole/,
	'7.5': /évaluateur|regard extérieur/,
	'7.6': /évaluation du partenariat|partenariat lui-même/,
	'7.7': /[Rr]estitu/,
	'7.8': /décisions/,
	'8.1': /en continu|continue/,
	'8.2': /plusieurs voix|trois voix|relu et corrigé|corriger la note/,
	'8.3': /transférable/,
	'8.4': /réseaux|ouvert aux autres Départements/,
	'8.5': /(présenté|Faire connaître)[^.]*(élus|habitants)/,
	'8.6': /objectifs de développement durable/,
	'8.7': /prolongation|pérenn|essaimage|la suite du projet/
};

describe('the tags of the fiches', () => {
	it('have a clue for every recommendation of the kit', () => {
		expect(Object.keys(INDICES).sort()).toEqual(kit.etapes.flatMap((e) => e.recommandations.map((r) => `${e.numero}.${r.numero}`)).sort());
	});

	it.each(kit.fiches.map((f) => [f.slug, f] as const))('%s: each recommendation it is tagged with is told in its body', (_s, f) => {
		for (const code of f.recommandations) expect(corps(f), `${f.slug} ${code}`).toMatch(INDICES[code]!);
	});

	it('give recommendation 5.5 a fiche that really illustrates it', () => {
		const illustrent = kit.fiches.filter((f) => f.recommandations.includes('5.5'));
		expect(illustrent.map((f) => f.slug)).toEqual(['cooperatives-femmes-burkina']);
		expect(corps(illustrent[0]!)).toMatch(/Le dossier de demande a été écrit à deux voix/);
	});
});

describe('the method and the pages', () => {
	it('give no finding of « les démarches pilotes » as a fact the kit would know', () => {
		for (const e of kit.etapes) {
			expect(texteEtape(e), `étape ${e.numero}`).not.toMatch(/démarches pilotes|méthode Terrinclus/);
		}
		for (const p of kit.pages.filter((x) => !['la-demarche', 'a-propos'].includes(x.slug))) {
			expect(p.corps, p.slug).not.toMatch(/démarches pilotes/);
		}
		expect(page('pourquoi-s-engager')).not.toMatch(/les plus cités par les équipes/);
	});

	it('list no fiche by hand in a stage', () => {
		for (const e of kit.etapes) expect(texteEtape(e), `étape ${e.numero}`).not.toMatch(/\]\(\/fiches\//);
	});

	it('say in « La démarche » and « À propos » that the kit is original writing inspired by the démarche', () => {
		expect(normal(page('la-demarche'))).toMatch(/Ce kit en ligne est une écriture originale, inspirée de la démarche décrite ci-dessus/);
		expect(normal(page('a-propos'))).toMatch(/Le kit est une écriture originale, inspirée de la démarche Terrinclus telle que la décrivent ses documents de présentation/);
	});

	it('announce as coming only what is not live, and tell the cookies truthfully', () => {
		const aPropos = page('a-propos');
		const aVenir = aPropos.split('## Ce qui reste à faire')[1]!.split('\n## ')[0]!;
		expect(aVenir).not.toMatch(/recherche|carte|comptes|espace de travail/i);
		expect(aPropos).not.toMatch(/ne dépose aucun cookie, ne mesure/);
		expect(aPropos).toMatch(/Lire le kit ne dépose aucun cookie\. Le site en dépose un seulement quand vous vous connectez à votre compte : `terrinclus\.session_token`/);
		expect(aPropos).toMatch(/`terrinclus\.state`/);
		expect(page('confidentialite')).toMatch(/`terrinclus\.state`/);
	});
});

describe('the numbers of the Senegal fiche add up', () => {
	it('says ten Senegalese young people came of the twelve places, two visas missing', () => {
		const senegal = corps(fiche('plateforme-jeunes-engagement-citoyen'));
		expect(senegal).toMatch(/dix jeunes sénégalais sont venus dix jours en France la deuxième année \(deux visas/);
		expect(senegal).toMatch(/deux des douze jeunes sénégalais n'ont pu partir/);
		expect(senegal).not.toMatch(/Douze jeunes sénégalais viennent/);
	});
});
