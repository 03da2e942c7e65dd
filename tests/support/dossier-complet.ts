// A complete project, every section filled at the sizes a real funding application reaches:
// paragraphs typed in a browser (CRLF line breaks), amounts with decimals and in CFA francs,
// an activity from March to May in a two-year calendar, emoji, long French words in table
// cells. Used by the exports' tests and by `npm run bench -- dossier`.
import type { Donnees } from '../../src/lib/projets/sections.ts';
import { SECTIONS, section } from '../../src/lib/projets/sections.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { membres, utilisateurs } from '../../src/lib/server/db/schema.ts';
import { creerOrganisation } from '../../src/lib/server/organisations/organisations.ts';
import { enregistrerEtape, questionnaire, terminerAutoEvaluation } from '../../src/lib/server/projets/auto-evaluation.ts';
import { ajouterAuProjet, creerProjet, enregistrerSection, projetParId } from '../../src/lib/server/projets/projets.ts';

/** Paragraphs as a browser sends a textarea: lines joined by CRLF. */
const zone = (...paragraphes: string[]) => paragraphes.join('\r\n\r\n');

const PHRASES = [
	'Les missions locales de Loire-Atlantique accompagnent chaque année près de 19 000 jeunes, dont un tiers n’a jamais quitté son agglomération.',
	'À Ziguinchor, le conseil départemental et les associations de quartier repèrent les jeunes sortis du système scolaire sans qualification.',
	'Le comité de pilotage réunit des élus, les services et deux représentants des jeunes de chaque territoire, qui y ont voix délibérative.',
	'La coopération s’appuie sur l’accord-cadre signé en 2019 et sur la délibération de la commission permanente du 14 mars 2026.',
	'Les professionnels de l’insertion comparent leurs pratiques d’accompagnement lors d’immersions croisées de deux semaines.'
];
const paragraphe = (n: number, decalage = 0) => Array.from({ length: n }, (_, i) => PHRASES[(i + decalage) % PHRASES.length]).join(' ');

const OBJECTIFS = ['Préparer 24 jeunes par an à un chantier solidaire', 'Accueillir 12 jeunes de Ziguinchor à Nantes', 'Former ensemble les professionnels des deux territoires'];
const NOMS_ACTIVITES = ['Préparation au départ', 'Comité de pilotage', 'Accueil à Nantes', 'Formation croisée des professionnels', 'Restitution publique'];
/** The id of the calendar's activity n (0 = the spring site). */
const activite = (n: number) => `activite${String(n).padStart(2, '0')}`;

export const TITRE_COMPLET = 'Mobilité internationale des jeunes en insertion entre la Loire-Atlantique et Ziguinchor';

/** The data of each section, as saved by the forms. */
export const SECTIONS_COMPLETES: Record<string, Donnees> = {
	identite: {
		titre: TITRE_COMPLET,
		resume: zone(paragraphe(3), `Chaque année :\r\n- 24 jeunes partent en chantier à Ziguinchor ;\r\n- 12 jeunes de Ziguinchor viennent à Nantes 🌍 ;\r\n- les professionnels des deux territoires se forment ensemble ✅.`),
		themes: ['mobilite-internationale-jeunes', 'chantiers-insertion-international', 'regards-croises-professionnels'],
		publics: ['jeunes-en-insertion', 'professionnels-action-sociale'],
		territoiresIci: [
			{ departement: '44', communes: 'Nantes, Saint-Nazaire, Châteaubriant' },
			{ departement: '85', communes: 'La Roche-sur-Yon' }
		],
		territoiresLaBas: [
			{ pays: 'SN', territoire: 'Ziguinchor' },
			{ pays: 'SN', territoire: 'Bignona' }
		],
		debut: '2027-01-01',
		fin: '2028-12-31',
		cibles: [
			{ cible: '8.6', justification: 'Des jeunes sans emploi ni formation reprennent un parcours qualifiant.' },
			{ cible: '4.4', justification: 'Les chantiers valident des compétences professionnelles reconnues des deux côtés.' },
			{ cible: '10.2', justification: 'Les jeunes des quartiers prioritaires accèdent à une mobilité qui leur était fermée.' },
			{ cible: '17.17', justification: 'Le partenariat associe collectivités, associations et personnes concernées.' }
		]
	},
	diagnostic: {
		besoinsIci: zone(paragraphe(4), paragraphe(3, 1)),
		besoinsLaBas: zone(paragraphe(4, 1), paragraphe(2, 3)),
		ressourcesIci: zone(paragraphe(3, 2), 'Dispositifs mobilisables :\r\n- Garantie jeunes ;\r\n- Service civique ;\r\n- Fonds départemental d’aide aux jeunes.'),
		ressourcesLaBas: zone(paragraphe(3, 3)),
		mandat: zone(paragraphe(2, 3), 'Délibération n° 2026-118 du 14 mars 2026.'),
		benefices: zone(paragraphe(4, 4), paragraphe(2))
	},
	partenariat: {
		acteurs: Array.from({ length: 10 }, (_, i) => ({
			acteur: ['Conseil départemental de Loire-Atlantique', 'Conseil départemental de Ziguinchor', 'Mission locale de Nantes métropole', 'Association Jeunesse et Coopération', 'Chantier d’insertion Les Ateliers du fleuve', 'Comité des jeunes de Ziguinchor', 'Université de Nantes', 'Service déconcentré de la jeunesse', 'Groupement d’employeurs agricoles', 'Radio communautaire de Bignona'][i]!,
			type: ['collectivite', 'collectivite', 'association', 'association', 'entreprise', 'personnes', 'recherche', 'etat', 'entreprise', 'autre'][i]!,
			cote: i % 2 ? 'la-bas' : 'ici',
			role: 'Coordination interinstitutionnelle, accompagnement socioprofessionnel et professionnalisation des encadrants',
			contribution: i % 3 ? 'Temps d’agents et locaux' : 'Cofinancement et expertise méthodologique',
			engagement: ['fort', 'moyen', 'a-confirmer'][i % 3]!
		})),
		comite: zone(paragraphe(3, 2)),
		frequence: 'Tous les trimestres, en visioconférence, et une fois par an sur place',
		decisions: zone(paragraphe(3, 4)),
		convention: ['objet', 'roles', 'gouvernance', 'budget', 'publics', 'donnees', 'langues']
	},
	implication: {
		activites: Array.from({ length: 6 }, (_, i) => ({
			id: `participation${i + 1}`,
			activite: activite(i),
			niveau: ['informes', 'consultes', 'associes', 'co-decideurs'][i % 4]!,
			comment: 'Ateliers de co-construction animés par les jeunes eux-mêmes, avec des supports en français et en wolof',
			accompagnement: 'Transport pris en charge, documents faciles à lire, interprétariat',
			consentement: ['recueilli', 'a-recueillir', 'sans-objet'][i % 3]!
		})),
		consentement: zone(paragraphe(3, 1))
	},
	transversalite: {
		services: Array.from({ length: 12 }, (_, i) => ({
			id: `service${String(i + 1).padStart(2, '0')}`,
			service: ['insertion', 'jeunesse', 'relations-internationales', 'action-sociale', 'finances', 'communication'][i % 6]!,
			activite: activite([1, 0, 3][i % 3]!),
			referent: ['Marie Durand', 'Yann Le Goff', 'Sophie Bernard', 'Karim Benali', 'Hélène Moreau', 'Julien Petit'][i % 6]!,
			implication: ['pilote', 'contributeur', 'consulte', 'informe'][i % 4]!,
			comment: 'Participation aux comités techniques mensuels'
		})),
		coordination: zone(paragraphe(3, 3))
	},
	'cadre-logique': {
		objectifGeneral: 'Ouvrir la mobilité internationale aux jeunes en insertion des deux territoires et en faire un levier de leur parcours.',
		objectifGeneralVerification: 'Rapports annuels des missions locales et du conseil départemental de Ziguinchor',
		objectifGeneralHypotheses: 'Les deux assemblées renouvellent leur engagement après les élections',
		objectifsSpecifiques: OBJECTIFS.map((objectif, i) => ({ id: `objectif${i + 1}`, objectif, verification: 'Listes de présence et bilans individuels', hypotheses: 'Les visas sont délivrés à temps' })),
		resultats: Array.from({ length: 5 }, (_, i) => ({
			id: `resultat${i + 1}`,
			resultat: `Résultat ${i + 1} : les jeunes accompagnés ont construit un projet professionnel validé`,
			objectif: `objectif${1 + (i % 3)}`,
			verification: 'Bilans de compétences signés',
			hypotheses: 'Les employeurs partenaires restent mobilisés'
		})),
		indicateurs: Array.from({ length: 10 }, (_, i) => ({
			id: `indicateur${i + 1}`,
			indicateur: i % 2 ? 'Jeunes de Ziguinchor en formation qualifiante' : 'Jeunes de Loire-Atlantique en emploi ou formation six mois après',
			rattachement: i < 3 ? `objectif${i + 1}` : `resultat${1 + (i % 5)}`,
			type: 'pourcentage',
			unite: '%',
			sens: 'hausse',
			agregation: 'pourcentage',
			cote: ['ici', 'la-bas', 'les-deux'][i % 3]!,
			reference: 35,
			dateReference: '2025-12-31',
			cible: 60,
			source: 'Système d’information des missions locales',
			frequence: 'Semestrielle',
			rapporteur: i % 2 ? 'Conseil départemental de Ziguinchor' : 'Mission locale de Nantes métropole'
		}))
	},
	budget: {
		depenses: Array.from({ length: 24 }, (_, i) => {
			const xof = i % 4 === 3;
			return {
				id: `depense${String(i + 1).padStart(2, '0')}`,
				categorie: ['personnel', 'deplacements', 'activites', 'equipement', 'traduction', 'communication', 'evaluation', 'fonctionnement'][i % 8]!,
				libelle: `${['Coordination du projet', 'Billets Nantes–Ziguinchor', 'Chantier solidaire', 'Outillage du chantier', 'Interprétariat wolof-français', 'Film de capitalisation', 'Évaluation externe', 'Frais de gestion'][i % 8]} (année ${1 + (i % 2)})`,
				cote: i % 2 ? 'la-bas' : 'ici',
				montant: xof ? 6_559_570 : 38_500.5 - i * 1000,
				devise: xof ? 'XOF' : 'EUR',
				taux: xof ? 0.00152449 : null
			};
		}),
		financements: Array.from({ length: 7 }, (_, i) => ({
			financeur: ['Département de Loire-Atlantique', 'Ministère de l’Europe et des Affaires étrangères', 'Agence de développement', 'Union européenne', 'Conseil départemental de Ziguinchor', 'Contribution valorisée des associations', 'Fondation d’entreprise'][i]!,
			type: ['fonds-propres', 'appel-etat', 'agence', 'union-europeenne', 'partenaire', 'nature', 'autre'][i]!,
			montant: [250_000, 180_000, 90_000, 120_000.75, 45_000, 30_000, 25_000][i]!,
			statut: ['acquis', 'demande', 'envisage'][i % 3]!
		}))
	},
	calendrier: {
		activites: [
			{ id: activite(0), activite: 'Chantier de printemps', resultat: 'resultat1', debut: '2027-03-10', fin: '2027-05-20', responsable: 'Association Jeunesse et Coopération', hypotheses: 'Le chantier est prêt à accueillir le groupe' },
			...Array.from({ length: 17 }, (_, i) => {
				const debut = new Date(Date.UTC(2027, i + 1, 1 + (i % 20)));
				const fin = new Date(Date.UTC(2027, i + 2 + (i % 4), 15));
				return {
					id: activite(i + 1),
					activite: `${NOMS_ACTIVITES[i % 5]} ${1 + Math.floor(i / 5)}`,
					resultat: `resultat${1 + (i % 5)}`,
					debut: debut.toISOString().slice(0, 10),
					fin: (fin > new Date(Date.UTC(2028, 11, 31)) ? new Date(Date.UTC(2028, 11, 31)) : fin).toISOString().slice(0, 10),
					responsable: ['Mission locale de Nantes métropole', 'Conseil départemental de Ziguinchor', 'Service jeunesse'][i % 3]!,
					hypotheses: ''
				};
			})
		],
		jalons: [
			{ id: 'jalon01', jalon: 'Signature de la convention de partenariat', date: '2027-01-15', activite: '' },
			{ id: 'jalon02', jalon: 'Premier comité de pilotage', date: '2027-02-20', activite: activite(2) }
		]
	},
	evaluation: {
		questions: Array.from({ length: 6 }, (_, i) => ({
			question: `Question ${i + 1} : dans quelle mesure la mobilité a-t-elle changé le parcours des jeunes accompagnés ?`,
			methode: 'Entretiens semi-directifs, questionnaires avant et après, groupes de parole',
			qui: i % 2 ? 'Université de Nantes' : 'Évaluateur externe',
			quand: ['À mi-parcours', 'En fin de projet', 'Six mois après'][i % 3]!
		})),
		impactsIci: zone(paragraphe(3, 2), paragraphe(2, 4)),
		impactsLaBas: zone(paragraphe(3, 3)),
		restitution: zone(paragraphe(2, 1))
	}
};

export const EQUIPE_COMPLETE = [
	{ id: 'camille', nom: 'Camille Martin', role: 'pilote', organisation: 0 },
	{ id: 'awa', nom: 'Awa Diop', role: 'contributeur', organisation: 1 },
	{ id: 'mamadou', nom: 'Mamadou Ndiaye', role: 'contributeur', organisation: 1 },
	{ id: 'yann', nom: 'Yann Le Goff', role: 'contributeur', organisation: 0 },
	{ id: 'sophie', nom: 'Sophie Bernard', role: 'lecteur', organisation: 2 },
	{ id: 'ibrahima', nom: 'Ibrahima Sène', role: 'lecteur', organisation: 2 }
] as const;

/**
 * Writes the complete project in a database (migrated; the kit's content imported for the
 * themes, publics and the self-assessment's questions), through the same functions as the
 * pages. Answers the project.
 */
export async function creerProjetComplet(db: Database, options: { sections?: string[]; suffixe?: string } = {}) {
	const suffixe = options.suffixe ?? '';
	await db
		.insert(utilisateurs)
		.values(EQUIPE_COMPLETE.map((m) => ({ id: m.id + suffixe, name: m.nom, email: `${m.id}${suffixe}@exemple.test`, emailVerified: true })))
		.onConflictDoNothing();
	const orgs = [];
	for (const [i, o] of [
		{ nom: 'Département de Loire-Atlantique', type: 'departement', pays: 'FR', codeTerritoire: '44' },
		{ nom: 'Conseil départemental de Ziguinchor', type: 'collectivite-etrangere', pays: 'SN', codeTerritoire: null },
		{ nom: 'Association Jeunesse et Coopération', type: 'association', pays: 'FR', codeTerritoire: null }
	].entries()) {
		const createur = EQUIPE_COMPLETE.find((m) => m.organisation === i)!.id + suffixe;
		const r = await creerOrganisation(db, { ...o, nom: `${o.nom}${suffixe}`, description: '' } as Parameters<typeof creerOrganisation>[1], createur);
		// A Département has one organisation: a second complete project in the same database shares it.
		orgs.push(r.ok ? r.organisation : r.meme!);
	}
	for (const m of EQUIPE_COMPLETE) await db.insert(membres).values({ organisationId: orgs[m.organisation]!.id, utilisateurId: m.id + suffixe, role: 'membre' }).onConflictDoNothing();
	const projet = await creerProjet(db, { organisationId: orgs[0]!.id, titre: TITRE_COMPLET }, `camille${suffixe}`);
	for (const m of EQUIPE_COMPLETE.slice(1)) await ajouterAuProjet(db, projet.id, m.id + suffixe, m.role);
	for (const s of SECTIONS) {
		if (options.sections && !options.sections.includes(s.slug)) continue;
		const versionLue = s.slug === 'identite' ? 1 : 0;
		const r = await enregistrerSection(db, { projetId: projet.id, section: section(s.slug)!, donnees: SECTIONS_COMPLETES[s.slug]!, versionLue, auteurId: `camille${suffixe}` });
		if (!r.ok) throw new Error(`section ${s.slug} non enregistrée`);
	}
	const q = await questionnaire(db);
	const reponses = q.flatMap((e) => e.questions.map((x, i) => ({ question: x.id, niveau: (1 + ((e.numero + i) % 4)) as 1 | 2 | 3 | 4, commentaire: '' })));
	for (const e of q) await enregistrerEtape(db, projet.id, `camille${suffixe}`, e, reponses.filter((r) => e.questions.some((x) => x.id === r.question)));
	if (reponses.length) await terminerAutoEvaluation(db, projet.id, `camille${suffixe}`, q);
	return (await projetParId(db, projet.id))!;
}
