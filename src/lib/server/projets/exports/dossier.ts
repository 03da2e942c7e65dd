// The « dossier projet » as a list of blocks (headings, paragraphs, lists, tables) that each
// export format draws: Word and PDF read the same words in the same order. The person
// exporting chooses its parts; empty sections are left out unless asked for.
import { bilanBudget, enEuros, matriceTransversale, type Part } from '#lib/projets/analyses.ts';
import { cadreLogique } from '#lib/projets/liens.ts';
import { LIBELLES_ROLES_PROJET } from '#lib/projets/roles.ts';
import {
	CATEGORIES_BUDGET,
	COTES,
	libelleChoix,
	libelleOption,
	lignes,
	remplissage,
	SECTIONS,
	TYPES_FINANCEMENT,
	type ChampSimple,
	type Donnees,
	type Ligne,
	type Option,
	type Referentiel
} from '#lib/projets/sections.ts';
import type { Database } from '../../db/index.ts';
import { historique, questionnaire, scores } from '../auto-evaluation.ts';
import { equipeDuProjet, organisationsPartenaires, sectionsDuProjet, type EtatSection, type Projet } from '../projets.ts';
import { avecLeProjet, listes } from '../references.ts';
import { avecArticle } from '../../../francais.ts';
import { dateDuDossier, montant, moisCourt, nombre, pourcentage, texteDuDossier } from './format.ts';

export type Alignement = 'gauche' | 'droite' | 'centre';

export type Bloc =
	| { type: 'titre'; niveau: 1 | 2 | 3; texte: string; ancre?: string }
	| { type: 'paragraphe'; texte: string; gras?: boolean; note?: boolean }
	| { type: 'liste'; elements: string[] }
	/** A picture (a chart), `largeur` × `hauteur` its proportions; `alternative` says what it shows. */
	| { type: 'image'; png: Buffer; largeur: number; hauteur: number; titre: string; alternative: string }
	| {
			type: 'tableau';
			colonnes: string[];
			lignes: string[][];
			total?: string[];
			alignements?: Alignement[];
			/** Relative widths of the columns (PDF); even when absent. */
			largeurs?: number[];
	  };

export interface Dossier {
	/** What the document is, above its title: « Dossier projet » unless said. */
	genre?: string;
	titre: string;
	porteur: string;
	/** Who exported it: the signed-in account's name. */
	auteur: string;
	genereLe: Date;
	/** The title page's lines under the title. */
	presentation: string[];
	sommaire: { ancre: string; titre: string }[];
	blocs: Bloc[];
}

/** The parts one may put in the dossier: the nine sections, then the team. */
export const PARTIES_DOSSIER: readonly { id: string; titre: string }[] = [...SECTIONS.map((s) => ({ id: s.slug, titre: s.titre })), { id: 'equipe', titre: 'Équipe et auto-évaluation' }];

/** The parts checked by default: the sections that hold something, and the team. */
export const partiesParDefaut = (contenus: Record<string, Pick<EtatSection, 'donnees'>>) =>
	PARTIES_DOSSIER.filter((p) => p.id === 'equipe' || remplissage(SECTIONS.find((s) => s.slug === p.id)!, contenus[p.id]?.donnees) > 0).map((p) => p.id);

/** Why a choice of parts was refused, by the code put in the address of the project's home. */
export const MESSAGES_CHOIX = {
	aucune: 'Choisissez au moins une partie à mettre dans le dossier.',
	inconnue: 'Une des parties demandées n’existe pas : choisissez-les dans la liste du dossier.'
} as const;

/** `null`: nothing asked, the default parts. */
export type Choix = { ok: true; parties: string[] | null } | { ok: false; code: keyof typeof MESSAGES_CHOIX };

/**
 * The parts asked for in the address (`?choix=1&parties=identite&parties=budget`, sent by the
 * form on the project's home), in the dossier's order.
 */
export function lireChoix(params: URLSearchParams): Choix {
	const demandees = params.getAll('parties');
	if (!demandees.length) return params.has('choix') ? { ok: false, code: 'aucune' } : { ok: true, parties: null };
	if (demandees.some((d) => !PARTIES_DOSSIER.some((p) => p.id === d))) return { ok: false, code: 'inconnue' };
	return { ok: true, parties: PARTIES_DOSSIER.filter((p) => demandees.includes(p.id)).map((p) => p.id) };
}

const valeurCellule = (c: ChampSimple, v: unknown, l: Partial<Record<Referentiel, Option[]>>) => {
	if (v === null || v === undefined || v === '') return '';
	if (c.type === 'choix' || c.type === 'liste') return libelleChoix(c, l, v);
	if (typeof v === 'number') return nombre(v);
	if (c.type === 'date' && typeof v === 'string') return dateDuDossier(v);
	return String(v);
};

const tableauParts = (parts: Part[], total: number): Bloc => ({
	type: 'tableau',
	colonnes: ['Poste', 'Montant', 'Part'],
	lignes: parts.map((p) => [p.libelle, montant(p.montant), pourcentage(p.part)]),
	total: ['Total', montant(total), pourcentage(100)],
	alignements: ['gauche', 'droite', 'droite'],
	largeurs: [3, 1.4, 1]
});

const devise = (r: Ligne) => (typeof r.devise === 'string' && r.devise.trim() ? r.devise.trim().toUpperCase() : 'EUR');

/** Spending lines: each amount in its currency, the rate, and its value in euros. */
function depenses(rangs: Ligne[]): Bloc {
	const total = rangs.reduce((t, r) => t + enEuros(r), 0);
	return {
		type: 'tableau',
		colonnes: ['Catégorie', 'Libellé', 'Côté', 'Montant', 'Taux de change', 'En euros'],
		lignes: rangs.map((r) => [
			libelleOption(CATEGORIES_BUDGET, r.categorie),
			String(r.libelle ?? ''),
			libelleOption(COTES, r.cote),
			typeof r.montant === 'number' ? montant(r.montant, devise(r)) : '',
			devise(r) === 'EUR' ? '—' : typeof r.taux === 'number' ? `1\u00a0${devise(r)} = ${nombre(r.taux)}\u00a0€` : '',
			montant(enEuros(r))
		]),
		total: ['Total', '', '', '', '', montant(Math.round(total * 100) / 100)],
		alignements: ['gauche', 'gauche', 'gauche', 'droite', 'droite', 'droite'],
		largeurs: [1.5, 2.2, 1.1, 1.4, 1.3, 1.3]
	};
}

const STATUTS = [
	{ valeur: 'acquis', libelle: 'Acquis' },
	{ valeur: 'demande', libelle: 'Demandé' },
	{ valeur: 'envisage', libelle: 'Envisagé' }
];

function financements(rangs: Ligne[]): Bloc {
	const total = rangs.reduce((t, r) => t + (typeof r.montant === 'number' ? r.montant : 0), 0);
	return {
		type: 'tableau',
		colonnes: ['Financeur', 'Type', 'Montant', 'Statut'],
		lignes: rangs.map((r) => [String(r.financeur ?? ''), libelleOption(TYPES_FINANCEMENT, r.type), typeof r.montant === 'number' ? montant(r.montant) : '', libelleOption(STATUTS, r.statut)]),
		total: ['Total', '', montant(Math.round(total * 100) / 100), ''],
		alignements: ['gauche', 'gauche', 'droite', 'gauche'],
		largeurs: [2.6, 1.8, 1.4, 1]
	};
}

/**
 * The timeline, one column per month, one table per calendar year (twelve columns fit an A4
 * page): an activity is ticked in every month it overlaps.
 */
export function chronogramme(d: Donnees): { annee: number; mois: number[]; lignes: { activite: string; coches: boolean[] }[] }[] {
	const datees = lignes(d, 'activites').filter((l): l is Ligne & { debut: string; fin: string } => typeof l.debut === 'string' && typeof l.fin === 'string' && /^\d{4}-\d{2}/.test(l.debut) && /^\d{4}-\d{2}/.test(l.fin) && l.debut <= l.fin);
	if (!datees.length) return [];
	const debut = datees.map((l) => l.debut).sort()[0]!;
	const fin = datees.map((l) => l.fin).sort().at(-1)!;
	const [a0, m0] = [Number(debut.slice(0, 4)), Number(debut.slice(5, 7))];
	const [a1, m1] = [Number(fin.slice(0, 4)), Number(fin.slice(5, 7))];
	const annees = [];
	for (let annee = a0; annee <= a1; annee++) {
		const mois = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => (annee > a0 || m >= m0) && (annee < a1 || m <= m1));
		const cle = (m: number) => `${annee}-${String(m).padStart(2, '0')}`;
		// Month keys compare as strings: « 2027-03 » ≤ « 2027-05-20 ».
		const rangs = datees
			.map((l) => ({ activite: String(l.activite ?? ''), coches: mois.map((m) => l.debut.slice(0, 7) <= cle(m) && l.fin.slice(0, 7) >= cle(m)) }))
			.filter((r) => r.coches.some(Boolean));
		if (rangs.length) annees.push({ annee, mois, lignes: rangs });
	}
	return annees;
}

/** Everything the exports need, read once: the parts asked for (or the default ones), in the dossier's order. */
export async function dossier(db: Database, projet: Projet, options: { parties?: string[] | null; auteur: string; fuseau?: string }): Promise<Dossier> {
	const [contenus, communes, equipe, q, prises] = await Promise.all([sectionsDuProjet(db, projet.id), listes(db), equipeDuProjet(db, projet.id), questionnaire(db), historique(db, projet.id)]);
	const donnees = Object.fromEntries(Object.entries(contenus).map(([slug, e]) => [slug, e.donnees]));
	const l = { listes: avecLeProjet(communes.listes, donnees) };
	const blocs: Bloc[] = [];
	const sommaire: Dossier['sommaire'] = [];
	const parties = new Set(options.parties ?? partiesParDefaut(contenus));

	for (const s of SECTIONS) {
		if (!parties.has(s.slug)) continue;
		const d: Donnees = contenus[s.slug]!.donnees;
		const ancre = `section-${s.slug}`;
		sommaire.push({ ancre, titre: s.titre });
		blocs.push({ type: 'titre', niveau: 1, texte: s.titre, ancre });
		if (remplissage(s, d) === 0) {
			blocs.push({ type: 'paragraphe', texte: 'Cette section n’est pas encore renseignée.', note: true });
			continue;
		}
		// Only what was filled in: an empty field prints nothing.
		for (const c of s.champs) {
			if (c.type === 'tableau') {
				const rangs = lignes(d, c.nom);
				if (!rangs.length) continue;
				blocs.push({ type: 'titre', niveau: 2, texte: c.libelle });
				if (s.slug === 'cadre-logique' && c.nom === 'indicateurs') {
					// What a reader compares, in five columns a page holds; every column is in the workbook.
					const col = (nom: string) => c.colonnes.find((x) => x.nom === nom)!;
					const cellule = (r: Ligne, nom: string) => valeurCellule(col(nom), r[nom], l.listes);
					const ensemble = (...parts: string[]) => parts.filter(Boolean).join(' — ');
					blocs.push({
						type: 'tableau',
						colonnes: ['Indicateur', 'Ce qu’il mesure', 'Côté', 'De la situation de départ à la cible', 'Source, fréquence, qui le renseigne'],
						lignes: rangs.map((r) => [
							cellule(r, 'indicateur') + (cellule(r, 'unite') ? ` (${cellule(r, 'unite')})` : ''),
							cellule(r, 'rattachement'),
							cellule(r, 'cote'),
							[cellule(r, 'reference') && `${cellule(r, 'reference')}${r.dateReference ? ` (${cellule(r, 'dateReference')})` : ''}`, cellule(r, 'cible')].filter(Boolean).join(' → '),
							ensemble(cellule(r, 'source'), cellule(r, 'frequence'), cellule(r, 'rapporteur'))
						]),
						largeurs: [2.6, 2.4, 1.2, 1.8, 2.2]
					});
				} else if (s.slug === 'budget' && c.nom === 'depenses') blocs.push(depenses(rangs));
				else if (s.slug === 'budget' && c.nom === 'financements') blocs.push(financements(rangs));
				else blocs.push({ type: 'tableau', colonnes: c.colonnes.map((col) => col.libelle), lignes: rangs.map((r) => c.colonnes.map((col) => valeurCellule(col, r[col.nom], l.listes))) });
			} else if (c.type === 'cases') {
				const choisis = Array.isArray(d[c.nom]) ? (d[c.nom] as string[]) : [];
				if (!choisis.length) continue;
				const options = c.options ?? (c.referentiel ? l.listes[c.referentiel] : []);
				blocs.push({ type: 'titre', niveau: 2, texte: c.libelle });
				// The convention's checklist shows what is planned and what is not.
				if (s.slug === 'partenariat' && c.nom === 'convention') blocs.push({ type: 'liste', elements: (options ?? []).map((o) => `${choisis.includes(o.valeur) ? '☑' : '☐'} ${o.libelle}`) });
				else blocs.push({ type: 'liste', elements: choisis.map((v) => libelleOption(options, v)) });
			} else {
				const v = valeurCellule(c, d[c.nom], l.listes);
				if (!v.trim()) continue;
				blocs.push({ type: 'titre', niveau: 2, texte: c.libelle }, { type: 'paragraphe', texte: v });
			}
		}
		if (s.slug === 'cadre-logique') {
			const matrice = cadreLogique(donnees);
			if (matrice.length) {
				blocs.push({ type: 'titre', niveau: 2, texte: 'Le cadre logique relié' });
				blocs.push({
					type: 'tableau',
					colonnes: ['Niveau', 'Intitulé', 'Indicateurs', 'Sources de vérification', 'Hypothèses et risques'],
					lignes: matrice.map((n) => [n.niveau, n.intitule, n.indicateurs.join('\n'), n.verification, n.hypotheses]),
					largeurs: [1.6, 3, 2.4, 1.8, 1.8]
				});
			}
		}
		if (s.slug === 'budget') {
			const b = bilanBudget(d);
			blocs.push({ type: 'titre', niveau: 2, texte: 'Bilan du budget' });
			blocs.push({ type: 'paragraphe', texte: `Dépenses : ${montant(b.depenses)}. Financements : ${montant(b.financements)}, dont acquis : ${montant(b.acquis)}. ${b.equilibre ? 'Le budget est équilibré.' : `Écart : ${montant(b.ecart)}.`}` });
			if (b.parCategorie.length) blocs.push({ type: 'titre', niveau: 3, texte: 'Dépenses par catégorie' }, tableauParts(b.parCategorie, b.depenses));
			if (b.parCote.length) blocs.push({ type: 'titre', niveau: 3, texte: 'Dépenses par côté' }, tableauParts(b.parCote, b.depenses));
			if (b.parType.length) blocs.push({ type: 'titre', niveau: 3, texte: 'Financements par type' }, tableauParts(b.parType, b.financements));
		}
		if (s.slug === 'transversalite') {
			const m = matriceTransversale(d, l.listes.activites);
			if (m.lignes.length && m.activites.length) {
				blocs.push({ type: 'titre', niveau: 2, texte: 'Matrice services × activités' });
				blocs.push({ type: 'tableau', colonnes: ['Service (référents)', ...m.activites], lignes: m.lignes.map((l) => [l.referents ? `${l.service}\n${l.referents}` : l.service, ...l.cellules.map((c) => c || '—')]) });
			}
		}
		if (s.slug === 'calendrier') {
			const annees = chronogramme(d);
			if (annees.length) {
				blocs.push({ type: 'titre', niveau: 2, texte: 'Chronogramme' });
				for (const a of annees) {
					blocs.push({ type: 'titre', niveau: 3, texte: String(a.annee) });
					blocs.push({
						type: 'tableau',
						colonnes: ['Activité', ...a.mois.map(moisCourt)],
						lignes: a.lignes.map((r) => [r.activite, ...r.coches.map((c) => (c ? '■' : ''))]),
						alignements: ['gauche', ...a.mois.map(() => 'centre' as const)],
						largeurs: [4.2, ...a.mois.map(() => 1)]
					});
				}
			}
		}
	}

	if (parties.has('equipe')) {
		sommaire.push({ ancre: 'equipe', titre: 'Équipe et auto-évaluation' });
		blocs.push({ type: 'titre', niveau: 1, texte: 'Équipe et auto-évaluation', ancre: 'equipe' });
		blocs.push({ type: 'tableau', colonnes: ['Nom', 'Organisations', 'Rôle sur le projet'], lignes: equipe.map((m) => [m.nom, m.organisations.map((o) => o.nom).join(', '), LIBELLES_ROLES_PROJET[m.role]]) });
		const derniere = prises[0];
		if (derniere) {
			const sc = scores(q, derniere.reponses);
			blocs.push({ type: 'titre', niveau: 2, texte: `Auto-évaluation du ${dateDuDossier(derniere.termineeLe, options.fuseau)}` });
			blocs.push({
				type: 'tableau',
				colonnes: ['Étape', 'Score sur 100'],
				lignes: sc.parEtape.map((e) => [`${e.numero}. ${e.titre}`, e.score === null ? '—' : String(e.score)]),
				total: ['Ensemble', sc.global === null ? '—' : String(sc.global)],
				alignements: ['gauche', 'droite'],
				largeurs: [4, 1]
			});
		}
	}

	const partenaires = organisationsPartenaires(equipe, projet.porteurSlug);
	const identite = contenus.identite!.donnees;
	const debut = typeof identite.debut === 'string' && identite.debut ? dateDuDossier(identite.debut) : '';
	const fin = typeof identite.fin === 'string' && identite.fin ? dateDuDossier(identite.fin) : '';
	const ici = lignes(identite, 'territoiresIci').map((r) => libelleOption(l.listes.departements, r.departement));
	const labas = lignes(identite, 'territoiresLaBas').map((r) => [libelleOption(l.listes.pays, r.pays), r.territoire].filter(Boolean).join(', '));
	const genereLe = new Date();
	return normaliser({
		titre: projet.titre,
		porteur: projet.porteur,
		auteur: options.auteur,
		genereLe,
		presentation: [
			`Projet porté par ${avecArticle(projet.porteur)}`,
			...(partenaires.length ? [`en partenariat avec ${partenaires.map((o) => o.nom).join(', ')}`] : []),
			...(ici.length || labas.length ? [`${ici.join(', ') || '—'} ↔ ${labas.join(' ; ') || '—'}`] : []),
			...(debut || fin ? [`Période : ${debut || '?'} – ${fin || '?'}`] : []),
			`Dossier établi le ${dateDuDossier(genereLe, options.fuseau)} par ${options.auteur} avec Terrinclus`
		],
		sommaire,
		blocs
	});
}

/** Every string of the dossier as a document wants it (line breaks, no control characters). */
export function normaliser(d: Dossier): Dossier {
	const t = texteDuDossier;
	const bloc = (b: Bloc): Bloc => {
		switch (b.type) {
			case 'titre':
				return { ...b, texte: t(b.texte) };
			case 'paragraphe':
				return { ...b, texte: t(b.texte) };
			case 'liste':
				return { ...b, elements: b.elements.map(t) };
			case 'tableau':
				return { ...b, colonnes: b.colonnes.map(t), lignes: b.lignes.map((l) => l.map(t)), total: b.total?.map(t) };
			case 'image':
				return { ...b, titre: t(b.titre), alternative: t(b.alternative) };
		}
	};
	return { ...d, titre: t(d.titre), porteur: t(d.porteur), auteur: t(d.auteur), presentation: d.presentation.map(t), sommaire: d.sommaire.map((s) => ({ ...s, titre: t(s.titre) })), blocs: d.blocs.map(bloc) };
}

/**
 * The file's name: « dossier-<title>.pdf », ASCII, cut at a word boundary; and the header that
 * also gives the title in UTF-8 (RFC 6266 / 5987) for browsers that use it.
 */
/** The first words of a text that fit in `max` characters (never half a word). */
function premiersMots(mots: string[], max: number, separateur: string) {
	let s = '';
	for (const mot of mots) {
		const suivant = s ? `${s}${separateur}${mot}` : mot;
		if ([...suivant].length > max) break;
		s = suivant;
	}
	return s;
}

export function nomDeFichier(titre: string, extension: string, prefixe = 'dossier'): string {
	const mots = texteDuDossier(titre)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/œ/g, 'oe')
		.replace(/Œ/g, 'OE')
		.replace(/æ/g, 'ae')
		.replace(/ß/g, 'ss')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	return `${prefixe}-${premiersMots(mots, 70, '-') || 'projet'}.${extension}`;
}

export function enteteDisposition(titre: string, extension: string, prefixe = 'dossier'): string {
	const ascii = nomDeFichier(titre, extension, prefixe);
	const utf8 = `${prefixe.replace(/-/g, ' ')} ${premiersMots(texteDuDossier(titre).replace(/[\\/:*?"<>|\n]+/g, ' ').split(/\s+/), 150, ' ') || 'projet'}.${extension}`;
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
