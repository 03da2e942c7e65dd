// The sections of a project, one per step of the method, described as data: the forms, the
// validation, the progress, the history and the exports all read these definitions.

/** Lists whose options come from the database or the reference data. */
export type ReferentielCommun = 'themes' | 'publics' | 'departements' | 'pays' | 'cibles';
/**
 * Lists drawn from the project's own rows, so that a level of the logical framework or an
 * activity is typed once and chosen elsewhere: the value stored is the row's `id`.
 */
export type ReferentielProjet = 'objectifs' | 'resultats' | 'activites' | 'niveaux' | 'postes' | 'dimensions';
export type Referentiel = ReferentielCommun | ReferentielProjet;
export const REFERENTIELS_PROJET: readonly ReferentielProjet[] = ['objectifs', 'resultats', 'activites', 'niveaux', 'postes', 'dimensions'];
export const estReferentielProjet = (r: string | undefined): r is ReferentielProjet => (REFERENTIELS_PROJET as readonly string[]).includes(r ?? '');

export type Option = { valeur: string; libelle: string };

interface Base {
	nom: string;
	libelle: string;
	aide?: string;
	requis?: boolean;
}
export type ChampSimple = Base &
	(
		| { type: 'texte'; max?: number }
		| { type: 'zone'; max?: number; lignes?: number }
		| { type: 'nombre'; min?: number; max?: number }
		| { type: 'date' }
		| { type: 'choix'; options?: readonly Option[]; referentiel?: Referentiel }
		/** A text field completed from a list (datalist): the 169 SDG targets. */
		| { type: 'liste'; referentiel: ReferentielCommun }
	);
export type Champ =
	| ChampSimple
	| (Base & { type: 'cases'; options?: readonly Option[]; referentiel?: Referentiel })
	| (Base & { type: 'tableau'; colonnes: readonly ChampSimple[]; ligne: string });

export type Valeur = string | number | null;
/** A table's row; `id`, not a column, names it for the rows that refer to it. */
export type Ligne = Record<string, Valeur>;
export type Donnees = Record<string, Valeur | string[] | Ligne[]>;

export interface Section {
	slug: string;
	titre: string;
	/** The stage of the method it follows (its guide panel). */
	etape: number;
	intro: string;
	champs: readonly Champ[];
}

const opts = (...libelles: [string, string][]): Option[] => libelles.map(([valeur, libelle]) => ({ valeur, libelle }));

export const COTES = opts(['ici', 'Ici (France)'], ['la-bas', 'Là-bas (partenaire)']);
export const COTES_INDICATEUR = opts(['ici', 'Ici (France)'], ['la-bas', 'Là-bas (partenaire)'], ['les-deux', 'Les deux']);

export const NIVEAUX_PARTICIPATION = opts(['informes', 'Informés'], ['consultes', 'Consultés'], ['associes', 'Associés'], ['co-decideurs', 'Co-décideurs']);

export const SERVICES = opts(
	['action-sociale', 'Action sociale'],
	['insertion', 'Insertion'],
	['jeunesse', 'Jeunesse'],
	['enfance-famille', 'Enfance-famille'],
	['autonomie', 'Autonomie'],
	['education', 'Éducation'],
	['relations-internationales', 'Relations internationales'],
	['finances', 'Finances'],
	['communication', 'Communication'],
	['autre', 'Autre service']
);

export const IMPLICATIONS = opts(['pilote', 'Pilote'], ['contributeur', 'Contributeur'], ['consulte', 'Consulté'], ['informe', 'Informé']);

export const CATEGORIES_BUDGET = opts(
	['personnel', 'Personnel et temps des agents'],
	['deplacements', 'Déplacements et séjours'],
	['activites', 'Activités et ateliers'],
	['equipement', 'Équipement et fournitures'],
	['traduction', 'Traduction et interprétariat'],
	['communication', 'Communication et capitalisation'],
	['evaluation', 'Évaluation'],
	['fonctionnement', 'Frais de fonctionnement'],
	['imprevus', 'Imprévus']
);

export const TYPES_FINANCEMENT = opts(
	['fonds-propres', 'Fonds propres'],
	['appel-etat', 'Appel à projets de l’État'],
	['agence', 'Agence de développement'],
	['union-europeenne', 'Union européenne'],
	['partenaire', 'Contribution du partenaire'],
	['nature', 'Contribution valorisée en nature'],
	['autre', 'Autre financeur']
);

export const CLAUSES_CONVENTION = opts(
	['objet', 'Objet, durée et territoires du partenariat'],
	['roles', 'Rôles et engagements de chaque partenaire'],
	['gouvernance', 'Gouvernance : comité de pilotage, fréquence, décisions'],
	['budget', 'Budget, contributions et circuits financiers'],
	['publics', 'Place des personnes concernées et consentement'],
	['productions', 'Propriété et diffusion des productions'],
	['donnees', 'Protection des données personnelles'],
	['langues', 'Langue(s) de travail et traduction'],
	['differends', 'Règlement des différends'],
	['sortie', 'Conditions de révision et de sortie']
);

export const TYPES_INDICATEUR = opts(['nombre', 'Nombre'], ['pourcentage', 'Pourcentage (numérateur sur dénominateur)'], ['qualitatif', 'Qualitatif (appréciation écrite)']);
export const SENS_INDICATEUR = opts(['hausse', 'Plus c’est haut, mieux c’est'], ['baisse', 'Plus c’est bas, mieux c’est']);
export const AGREGATIONS = opts(
	['cumul', 'Cumulé : la dernière valeur compte'],
	['somme', 'Par période : les valeurs s’additionnent'],
	['pourcentage', 'Pourcentage : recalculé des numérateurs et dénominateurs additionnés']
);

const zone = (nom: string, libelle: string, aide?: string): Champ => ({ type: 'zone', nom, libelle, aide, max: 5000 });
const AIDE_ACTIVITES = 'Choisie dans la liste des activités du projet, tenue dans « Activités et calendrier ».';
const HYPOTHESES: ChampSimple = { type: 'texte', nom: 'hypotheses', libelle: 'Hypothèses et risques', max: 500 };
const VERIFICATION: ChampSimple = { type: 'texte', nom: 'verification', libelle: 'Sources de vérification', max: 300 };

export const SECTIONS: readonly Section[] = [
	{
		slug: 'identite',
		titre: 'Identité du projet',
		etape: 1,
		intro: 'Ce qui présente le projet en une page : son titre, son résumé, ses thèmes et publics, ses territoires ici et là-bas, sa période et les cibles des Objectifs de développement durable auxquelles il contribue.',
		champs: [
			{ type: 'texte', nom: 'titre', libelle: 'Titre du projet', requis: true, max: 200 },
			{ type: 'zone', nom: 'resume', libelle: 'Résumé', aide: 'Quelques lignes qu’un élu ou un financeur comprend sans autre document.', max: 3000 },
			{ type: 'cases', nom: 'themes', libelle: 'Thèmes', referentiel: 'themes' },
			{ type: 'cases', nom: 'publics', libelle: 'Publics concernés', referentiel: 'publics' },
			{
				type: 'tableau',
				nom: 'territoiresIci',
				libelle: 'Territoires ici (France)',
				ligne: 'Territoire',
				colonnes: [
					{ type: 'choix', nom: 'departement', libelle: 'Département', referentiel: 'departements' },
					{ type: 'texte', nom: 'communes', libelle: 'Communes ou quartiers', max: 300 }
				]
			},
			{
				type: 'tableau',
				nom: 'territoiresLaBas',
				libelle: 'Territoires là-bas (partenaire)',
				ligne: 'Territoire',
				colonnes: [
					{ type: 'choix', nom: 'pays', libelle: 'Pays', referentiel: 'pays' },
					{ type: 'texte', nom: 'territoire', libelle: 'Territoire partenaire', max: 300 }
				]
			},
			{ type: 'date', nom: 'debut', libelle: 'Début prévu' },
			{ type: 'date', nom: 'fin', libelle: 'Fin prévue' },
			{
				type: 'tableau',
				nom: 'cibles',
				libelle: 'Cibles des Objectifs de développement durable',
				aide: 'Tapez un numéro (« 8.6 ») ou un mot (« jeunes ») pour choisir parmi les 169 cibles officielles, puis dites en une phrase en quoi le projet y contribue.',
				ligne: 'Cible',
				colonnes: [
					{ type: 'liste', nom: 'cible', libelle: 'Cible', referentiel: 'cibles' },
					{ type: 'texte', nom: 'justification', libelle: 'En quoi le projet y contribue', max: 500 }
				]
			}
		]
	},
	{
		slug: 'diagnostic',
		titre: 'Diagnostic partagé',
		etape: 1,
		intro: 'Les besoins et les ressources de chaque côté, le mandat politique et les bénéfices attendus pour les deux territoires.',
		champs: [
			zone('besoinsIci', 'Besoins ici', 'Ce que le territoire français cherche à améliorer, dit par les personnes concernées et les services.'),
			zone('besoinsLaBas', 'Besoins là-bas', 'Ce que le territoire partenaire cherche à améliorer, dit par lui-même.'),
			zone('ressourcesIci', 'Ressources ici', 'Savoir-faire, services, associations, dispositifs mobilisables.'),
			zone('ressourcesLaBas', 'Ressources là-bas'),
			zone('mandat', 'Mandat politique', 'La délibération, l’accord-cadre ou l’engagement des élus qui porte le projet, des deux côtés.'),
			zone('benefices', 'Bénéfices mutuels attendus', 'Ce que chaque territoire y gagne : la réciprocité se prépare dès le diagnostic.')
		]
	},
	{
		slug: 'partenariat',
		titre: 'Partenariat pluri-acteurs',
		etape: 2,
		intro: 'Qui fait quoi, ici et là-bas, comment on décide ensemble, et ce que la convention de partenariat doit prévoir.',
		champs: [
			{
				type: 'tableau',
				nom: 'acteurs',
				libelle: 'Acteurs du projet',
				ligne: 'Acteur',
				colonnes: [
					{ type: 'texte', nom: 'acteur', libelle: 'Acteur', max: 200 },
					{
						type: 'choix',
						nom: 'type',
						libelle: 'Type',
						options: opts(
							['collectivite', 'Collectivité'],
							['association', 'Association ou ONG'],
							['etat', 'Service de l’État'],
							['personnes', 'Groupe de personnes concernées'],
							['entreprise', 'Entreprise ou structure d’insertion'],
							['recherche', 'Université ou recherche'],
							['autre', 'Autre']
						)
					},
					{ type: 'choix', nom: 'cote', libelle: 'Côté', options: COTES },
					{ type: 'texte', nom: 'role', libelle: 'Rôle', max: 300 },
					{ type: 'texte', nom: 'contribution', libelle: 'Contribution', max: 300 },
					{ type: 'choix', nom: 'engagement', libelle: 'Engagement', options: opts(['fort', 'Fort'], ['moyen', 'Moyen'], ['a-confirmer', 'À confirmer']) }
				]
			},
			zone('comite', 'Comité de pilotage', 'Sa composition, ici et là-bas, et la place des personnes concernées.'),
			{ type: 'texte', nom: 'frequence', libelle: 'Fréquence des réunions', max: 200 },
			zone('decisions', 'Qui décide quoi', 'Les décisions du comité, celles de chaque partenaire, et la manière de trancher un désaccord.'),
			{ type: 'cases', nom: 'convention', libelle: 'Convention de partenariat : points prévus', options: CLAUSES_CONVENTION }
		]
	},
	{
		slug: 'implication',
		titre: 'Implication des publics',
		etape: 3,
		intro: 'Pour chaque activité, la place des personnes concernées : de l’information à la co-décision, avec l’accompagnement qui la rend possible.',
		champs: [
			{
				type: 'tableau',
				nom: 'activites',
				libelle: 'Participation par activité',
				ligne: 'Activité',
				colonnes: [
					{ type: 'choix', nom: 'activite', libelle: 'Activité', referentiel: 'activites', aide: AIDE_ACTIVITES },
					{ type: 'choix', nom: 'niveau', libelle: 'Niveau de participation', options: NIVEAUX_PARTICIPATION },
					{ type: 'texte', nom: 'comment', libelle: 'Comment', max: 300 },
					{ type: 'texte', nom: 'accompagnement', libelle: 'Accompagnement (langue, transport, documents faciles à lire…)', max: 300 },
					{
						type: 'choix',
						nom: 'consentement',
						libelle: 'Consentement aux témoignages',
						options: opts(['recueilli', 'Recueilli'], ['a-recueillir', 'À recueillir'], ['sans-objet', 'Sans objet'])
					}
				]
			},
			zone('consentement', 'Recueil du consentement', 'Comment les personnes acceptent, ou refusent, que leur parole, leur image ou leur nom soient utilisés.')
		]
	},
	{
		slug: 'transversalite',
		titre: 'Transversalité',
		etape: 4,
		intro: 'Les services de la collectivité mobilisés par le projet, croisés avec ses activités : pour chaque service et chaque activité qui le concerne, son référent et la manière dont il s’implique. La matrice se dessine à mesure que vous remplissez.',
		champs: [
			{
				type: 'tableau',
				nom: 'services',
				libelle: 'Services et activités',
				aide: 'Une ligne par service et par activité : un service mobilisé sur trois activités occupe trois lignes.',
				ligne: 'Ligne',
				colonnes: [
					{ type: 'choix', nom: 'service', libelle: 'Service', options: SERVICES },
					{ type: 'choix', nom: 'activite', libelle: 'Activité', referentiel: 'activites', aide: AIDE_ACTIVITES },
					{ type: 'texte', nom: 'referent', libelle: 'Référent', max: 200 },
					{ type: 'choix', nom: 'implication', libelle: 'Implication', options: IMPLICATIONS },
					{ type: 'texte', nom: 'comment', libelle: 'Comment', max: 300 }
				]
			},
			zone('coordination', 'Coordination entre services', 'Réunions, instance transversale, circuit de validation.')
		]
	},
	{
		slug: 'cadre-logique',
		titre: 'Cadre logique',
		etape: 5,
		intro: 'De l’objectif général aux activités, chaque niveau relié au précédent, avec ses hypothèses et risques, ses sources de vérification et les indicateurs qui mesureront les changements des deux côtés. Les activités se tiennent dans « Activités et calendrier », rattachées à un résultat.',
		champs: [
			zone('objectifGeneral', 'Objectif général'),
			{ type: 'texte', nom: 'objectifGeneralVerification', libelle: 'Objectif général : sources de vérification', max: 300 },
			{ type: 'texte', nom: 'objectifGeneralHypotheses', libelle: 'Objectif général : hypothèses et risques', max: 500 },
			{
				type: 'tableau',
				nom: 'objectifsSpecifiques',
				libelle: 'Objectifs spécifiques',
				ligne: 'Objectif spécifique',
				colonnes: [{ type: 'texte', nom: 'objectif', libelle: 'Objectif spécifique', max: 300 }, VERIFICATION, HYPOTHESES]
			},
			{
				type: 'tableau',
				nom: 'resultats',
				libelle: 'Résultats attendus',
				aide: 'Chaque résultat sert un objectif spécifique ; enregistrez d’abord les objectifs pour les choisir ici.',
				ligne: 'Résultat',
				colonnes: [
					{ type: 'texte', nom: 'resultat', libelle: 'Résultat attendu', max: 300 },
					{ type: 'choix', nom: 'objectif', libelle: 'Objectif spécifique servi', referentiel: 'objectifs' },
					VERIFICATION,
					HYPOTHESES
				]
			},
			{
				type: 'tableau',
				nom: 'ventilations',
				libelle: 'Ventilations',
				aide: 'Les dimensions selon lesquelles un chiffre se décompose : sexe, tranche d’âge, public, commune… Chaque indicateur peut ensuite être ventilé selon une ou deux d’entre elles.',
				ligne: 'Ventilation',
				colonnes: [
					{ type: 'texte', nom: 'dimension', libelle: 'Dimension', aide: 'Par exemple : Sexe.', max: 80 },
					{ type: 'texte', nom: 'categories', libelle: 'Catégories, séparées par des points-virgules', aide: 'Par exemple : Femmes ; Hommes ; Non précisé.', max: 1000 }
				]
			},
			{
				type: 'tableau',
				nom: 'indicateurs',
				libelle: 'Indicateurs',
				aide: 'Chaque indicateur mesure un objectif ou un résultat. Pour un nombre ou un pourcentage, la situation de départ et la cible sont des nombres (un pourcentage de 0 à 100).',
				ligne: 'Indicateur',
				colonnes: [
					{ type: 'texte', nom: 'indicateur', libelle: 'Indicateur', max: 300 },
					{ type: 'choix', nom: 'rattachement', libelle: 'Ce qu’il mesure', referentiel: 'niveaux' },
					{ type: 'choix', nom: 'type', libelle: 'Type', options: TYPES_INDICATEUR },
					{ type: 'texte', nom: 'unite', libelle: 'Unité', max: 60 },
					{ type: 'choix', nom: 'sens', libelle: 'Sens', options: SENS_INDICATEUR },
					{ type: 'choix', nom: 'agregation', libelle: 'Cumul des périodes', options: AGREGATIONS },
					{ type: 'choix', nom: 'cote', libelle: 'Côté', options: COTES_INDICATEUR },
					{ type: 'choix', nom: 'ventilation', libelle: 'Ventilé par', referentiel: 'dimensions' },
					{ type: 'choix', nom: 'ventilation2', libelle: 'Et par', referentiel: 'dimensions' },
					{ type: 'texte', nom: 'reference', libelle: 'Situation de départ', max: 100 },
					{ type: 'date', nom: 'dateReference', libelle: 'Date de la situation de départ' },
					{ type: 'texte', nom: 'cible', libelle: 'Cible en fin de projet', max: 100 },
					{ type: 'texte', nom: 'source', libelle: 'Source', max: 200 },
					{ type: 'texte', nom: 'frequence', libelle: 'Fréquence', max: 100 },
					{ type: 'texte', nom: 'rapporteur', libelle: 'Qui le renseigne', max: 200 }
				]
			}
		]
	},
	{
		slug: 'budget',
		titre: 'Budget et financements',
		etape: 5,
		intro: 'Les dépenses par catégorie et par côté, en euros, et les cofinancements qui les couvrent.',
		champs: [
			{
				type: 'tableau',
				nom: 'depenses',
				libelle: 'Dépenses',
				aide: 'Montants dans la devise indiquée ; pour une autre devise que l’euro, indiquez le taux : la valeur d’une unité en euros (par exemple 0,001524 pour le franc CFA).',
				ligne: 'Dépense',
				colonnes: [
					{ type: 'choix', nom: 'categorie', libelle: 'Catégorie', options: CATEGORIES_BUDGET },
					{ type: 'texte', nom: 'libelle', libelle: 'Libellé', max: 200 },
					{ type: 'choix', nom: 'cote', libelle: 'Côté', options: COTES },
					{ type: 'nombre', nom: 'montant', libelle: 'Montant', min: 0, max: 1e12 },
					{ type: 'texte', nom: 'devise', libelle: 'Devise (EUR par défaut)', max: 3 },
					{ type: 'nombre', nom: 'taux', libelle: 'Taux en euros', min: 0, max: 1e6 },
					{ type: 'choix', nom: 'rattachement', libelle: 'Activité ou résultat financé', referentiel: 'postes' }
				]
			},
			{
				type: 'tableau',
				nom: 'financements',
				libelle: 'Financements (en euros)',
				ligne: 'Financement',
				colonnes: [
					{ type: 'texte', nom: 'financeur', libelle: 'Financeur', max: 200 },
					{ type: 'choix', nom: 'type', libelle: 'Type', options: TYPES_FINANCEMENT },
					{ type: 'nombre', nom: 'montant', libelle: 'Montant (€)', min: 0, max: 1e12 },
					{ type: 'choix', nom: 'statut', libelle: 'Statut', options: opts(['acquis', 'Acquis'], ['demande', 'Demandé'], ['envisage', 'Envisagé']) }
				]
			}
		]
	},
	{
		slug: 'calendrier',
		titre: 'Activités et calendrier',
		etape: 6,
		intro: 'La liste des activités du projet, tenue ici une seule fois : chacune sert un résultat du cadre logique, a ses dates et son responsable ; l’implication des publics, la transversalité et le budget la reprennent. Puis les jalons, ces dates qu’on ne manque pas.',
		champs: [
			{
				type: 'tableau',
				nom: 'activites',
				libelle: 'Activités',
				ligne: 'Activité',
				colonnes: [
					{ type: 'texte', nom: 'activite', libelle: 'Activité', max: 200 },
					{ type: 'choix', nom: 'resultat', libelle: 'Résultat servi', referentiel: 'resultats' },
					{ type: 'date', nom: 'debut', libelle: 'Début' },
					{ type: 'date', nom: 'fin', libelle: 'Fin' },
					{ type: 'texte', nom: 'responsable', libelle: 'Responsable', max: 200 },
					HYPOTHESES
				]
			},
			{
				type: 'tableau',
				nom: 'jalons',
				libelle: 'Jalons',
				aide: 'Signature de la convention, comité de pilotage, départ d’une mission, rapport au financeur…',
				ligne: 'Jalon',
				colonnes: [
					{ type: 'texte', nom: 'jalon', libelle: 'Jalon', max: 200 },
					{ type: 'date', nom: 'date', libelle: 'Date prévue' },
					{ type: 'choix', nom: 'activite', libelle: 'Activité concernée', referentiel: 'activites' }
				]
			}
		]
	},
	{
		slug: 'evaluation',
		titre: 'Plan d’évaluation',
		etape: 7,
		intro: 'Ce que l’on veut savoir, les impacts attendus ici et là-bas, les méthodes, qui évalue et quand.',
		champs: [
			{
				type: 'tableau',
				nom: 'questions',
				libelle: 'Questions évaluatives',
				ligne: 'Question',
				colonnes: [
					{ type: 'texte', nom: 'question', libelle: 'Question', max: 300 },
					{ type: 'texte', nom: 'methode', libelle: 'Méthode', max: 300 },
					{ type: 'texte', nom: 'qui', libelle: 'Qui évalue', max: 200 },
					{ type: 'texte', nom: 'quand', libelle: 'Quand', max: 100 }
				]
			},
			zone('impactsIci', 'Impacts attendus ici', 'Sur les personnes accompagnées, les professionnels et les services en France.'),
			zone('impactsLaBas', 'Impacts attendus là-bas'),
			zone('restitution', 'Restitution et usage des résultats', 'À qui, sous quelle forme, et ce que l’on en fera.')
		]
	}
];

export const section = (slug: string) => SECTIONS.find((s) => s.slug === slug);

const vide = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The share of a section's fields that hold something, from 0 to 1. */
export function remplissage(s: Section, d: Donnees | undefined): number {
	if (!d) return 0;
	return s.champs.filter((c) => !vide(d[c.nom])).length / s.champs.length;
}

/** The rows of a table field (an empty list when none). */
export const lignes = (d: Donnees | undefined, nom: string): Ligne[] => (Array.isArray(d?.[nom]) ? (d[nom] as unknown[]).filter((l): l is Ligne => typeof l === 'object' && l !== null) : []);

export const texte = (d: Donnees | undefined, nom: string): string => {
	const v = d?.[nom];
	return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};

export const liste = (d: Donnees | undefined, nom: string): string[] => (Array.isArray(d?.[nom]) ? (d[nom] as unknown[]).filter((v): v is string => typeof v === 'string') : []);

/** A choice's label; a link to a row since removed says so rather than showing its id. */
export const libelleChoix = (c: { options?: readonly Option[]; referentiel?: Referentiel }, listes: Partial<Record<Referentiel, Option[]>>, valeur: unknown) => {
	const options = c.options ?? (c.referentiel ? listes[c.referentiel] : undefined);
	if (estReferentielProjet(c.referentiel) && valeur && !options?.some((o) => o.valeur === valeur)) return '(retiré du projet)';
	return libelleOption(options, valeur);
};

export const libelleOption = (options: readonly Option[] | undefined, valeur: unknown) => options?.find((o) => o.valeur === valeur)?.libelle ?? (typeof valeur === 'string' ? valeur : '');
