// The « dossier projet » as a list of blocks (headings, paragraphs, lists, tables) that each
// export format draws: Word and PDF read the same words in the same order.
import { formaterDate, formaterJour } from '#lib/dates.ts';
import { avertissements, bilanBudget, enEuros, formatEuros, frise, matriceTransversale, type Part } from '#lib/projets/analyses.ts';
import { libelleOption, lignes, SECTIONS, type ChampSimple, type Donnees, type Option, type Referentiel } from '#lib/projets/sections.ts';
import type { Database } from '../../db/index.ts';
import { historique, questionnaire, scores } from '../auto-evaluation.ts';
import { equipeDuProjet, organisationsPartenaires, sectionsDuProjet, type Projet } from '../projets.ts';
import { listes } from '../references.ts';
import { LIBELLES_ROLES_PROJET } from '#lib/projets/roles.ts';
import { avecArticle } from '../../../francais.ts';

export type Bloc =
	| { type: 'titre'; niveau: 1 | 2 | 3; texte: string; ancre?: string }
	| { type: 'paragraphe'; texte: string; gras?: boolean; note?: boolean }
	| { type: 'liste'; elements: string[] }
	| { type: 'tableau'; colonnes: string[]; lignes: string[][]; total?: string[] };

export interface Dossier {
	titre: string;
	porteur: string;
	genereLe: Date;
	/** The title page's lines under the title. */
	presentation: string[];
	sommaire: { ancre: string; titre: string }[];
	blocs: Bloc[];
}

const valeurCellule = (c: ChampSimple, v: unknown, l: Partial<Record<Referentiel, Option[]>>) => {
	if (v === null || v === undefined || v === '') return '';
	if (c.type === 'choix' || c.type === 'liste') return libelleOption(('options' in c ? c.options : undefined) ?? (c.referentiel ? l[c.referentiel] : undefined), v);
	if (c.type === 'nombre' && typeof v === 'number') return v.toLocaleString('fr-FR', { maximumFractionDigits: 8 });
	if (c.type === 'date' && typeof v === 'string') return formaterJour(v);
	return String(v);
};

const tableauParts = (parts: Part[], total: number): Bloc => ({
	type: 'tableau',
	colonnes: ['Poste', 'Montant', 'Part'],
	lignes: parts.map((p) => [p.libelle, formatEuros(p.montant), `${p.part.toLocaleString('fr-FR')} %`]),
	total: ['Total', formatEuros(total), '100 %']
});

/** Everything the exports need, read once. */
export async function dossier(db: Database, projet: Projet, fuseau?: string): Promise<Dossier> {
	const [contenus, l, equipe, q, prises] = await Promise.all([sectionsDuProjet(db, projet.id), listes(db), equipeDuProjet(db, projet.id), questionnaire(db), historique(db, projet.id)]);
	const blocs: Bloc[] = [];
	const sommaire: Dossier['sommaire'] = [];

	for (const s of SECTIONS) {
		const d: Donnees = contenus[s.slug]!.donnees;
		const ancre = `section-${s.slug}`;
		sommaire.push({ ancre, titre: s.titre });
		blocs.push({ type: 'titre', niveau: 1, texte: s.titre, ancre });
		blocs.push({ type: 'paragraphe', texte: s.intro, note: true });
		for (const a of contenus[s.slug]!.version ? avertissements(s.slug, d) : []) blocs.push({ type: 'paragraphe', texte: `Attention : ${a}`, gras: true });
		for (const c of s.champs) {
			blocs.push({ type: 'titre', niveau: 2, texte: c.libelle });
			if (c.type === 'tableau') {
				const rangs = lignes(d, c.nom);
				if (!rangs.length) blocs.push({ type: 'paragraphe', texte: 'Non renseigné.', note: true });
				else blocs.push({ type: 'tableau', colonnes: c.colonnes.map((col) => col.libelle), lignes: rangs.map((r) => c.colonnes.map((col) => valeurCellule(col, r[col.nom], l.listes))) });
				// Spending lines converted to euros, so that the totals below can be checked.
				if (s.slug === 'budget' && c.nom === 'depenses' && rangs.some((r) => r.devise && r.devise !== 'EUR'))
					blocs.push({ type: 'paragraphe', texte: `Montants convertis en euros : ${rangs.map((r) => `${r.libelle || libelleOption(undefined, r.categorie)} ${formatEuros(enEuros(r))}`).join(' ; ')}.`, note: true });
			} else if (c.type === 'cases') {
				const choisis = Array.isArray(d[c.nom]) ? (d[c.nom] as string[]) : [];
				const options = c.options ?? (c.referentiel ? l.listes[c.referentiel] : []);
				if (s.slug === 'partenariat' && c.nom === 'convention') blocs.push({ type: 'liste', elements: (options ?? []).map((o) => `${choisis.includes(o.valeur) ? '☑' : '☐'} ${o.libelle}`) });
				else if (choisis.length) blocs.push({ type: 'liste', elements: choisis.map((v) => libelleOption(options, v)) });
				else blocs.push({ type: 'paragraphe', texte: 'Non renseigné.', note: true });
			} else {
				const v = valeurCellule(c, d[c.nom], l.listes);
				blocs.push(v ? { type: 'paragraphe', texte: v } : { type: 'paragraphe', texte: 'Non renseigné.', note: true });
			}
		}
		if (s.slug === 'budget') {
			const b = bilanBudget(d);
			blocs.push({ type: 'titre', niveau: 2, texte: 'Bilan du budget' });
			blocs.push({ type: 'paragraphe', texte: `Dépenses : ${formatEuros(b.depenses)}. Financements : ${formatEuros(b.financements)}, dont acquis : ${formatEuros(b.acquis)}. ${b.equilibre ? 'Le budget est équilibré.' : `Écart : ${formatEuros(b.ecart)}.`}` });
			if (b.parCategorie.length) blocs.push({ type: 'titre', niveau: 3, texte: 'Dépenses par catégorie' }, tableauParts(b.parCategorie, b.depenses));
			if (b.parCote.length) blocs.push({ type: 'titre', niveau: 3, texte: 'Dépenses par côté' }, tableauParts(b.parCote, b.depenses));
			if (b.parType.length) blocs.push({ type: 'titre', niveau: 3, texte: 'Financements par type' }, tableauParts(b.parType, b.financements));
		}
		if (s.slug === 'transversalite') {
			const m = matriceTransversale(d);
			if (m.lignes.length && m.activites.length) {
				blocs.push({ type: 'titre', niveau: 2, texte: 'Matrice services × activités' });
				blocs.push({ type: 'tableau', colonnes: ['Service (référents)', ...m.activites], lignes: m.lignes.map((l) => [l.referents ? `${l.service}\n${l.referents}` : l.service, ...l.cellules.map((c) => c || '—')]) });
			}
		}
		if (s.slug === 'calendrier') {
			const f = frise(d);
			if (f.barres.length) {
				blocs.push({ type: 'titre', niveau: 2, texte: 'Chronogramme' });
				blocs.push({ type: 'paragraphe', texte: `Du ${formaterJour(f.debut!)} au ${formaterJour(f.fin!)}.` });
				blocs.push({ type: 'tableau', colonnes: ['Activité', ...f.mois.map((m) => m.libelle)], lignes: f.barres.map((b) => [b.activite, ...f.mois.map((m, i) => (b.x < (f.mois[i + 1]?.x ?? 1) && b.x + b.largeur > m.x ? '■' : ''))]) });
			}
		}
	}

	sommaire.push({ ancre: 'equipe', titre: 'Équipe et auto-évaluation' });
	blocs.push({ type: 'titre', niveau: 1, texte: 'Équipe et auto-évaluation', ancre: 'equipe' });
	blocs.push({ type: 'tableau', colonnes: ['Nom', 'Organisations', 'Rôle sur le projet'], lignes: equipe.map((m) => [m.nom, m.organisations.map((o) => o.nom).join(', '), LIBELLES_ROLES_PROJET[m.role]]) });
	const derniere = prises[0];
	if (derniere) {
		const sc = scores(q, derniere.reponses);
		blocs.push({ type: 'titre', niveau: 2, texte: `Auto-évaluation du ${formaterDate(derniere.termineeLe, fuseau)}` });
		blocs.push({ type: 'tableau', colonnes: ['Étape', 'Score sur 100'], lignes: sc.parEtape.map((e) => [`${e.numero}. ${e.titre}`, e.score === null ? '—' : String(e.score)]), total: ['Ensemble', sc.global === null ? '—' : String(sc.global)] });
	}

	const partenaires = organisationsPartenaires(equipe, projet.porteurSlug);
	const identite = contenus.identite!.donnees;
	const debut = typeof identite.debut === 'string' && identite.debut ? formaterJour(identite.debut) : '';
	const fin = typeof identite.fin === 'string' && identite.fin ? formaterJour(identite.fin) : '';
	const ici = lignes(identite, 'territoiresIci').map((r) => libelleOption(l.listes.departements, r.departement));
	const labas = lignes(identite, 'territoiresLaBas').map((r) => [libelleOption(l.listes.pays, r.pays), r.territoire].filter(Boolean).join(', '));
	return {
		titre: projet.titre,
		porteur: projet.porteur,
		genereLe: new Date(),
		presentation: [
			`Projet porté par ${avecArticle(projet.porteur)}`,
			...(partenaires.length ? [`en partenariat avec ${partenaires.map((o) => o.nom).join(', ')}`] : []),
			...(ici.length || labas.length ? [`${ici.join(', ') || '—'} ↔ ${labas.join(' ; ') || '—'}`] : []),
			...(debut || fin ? [`Période : ${debut || '?'} – ${fin || '?'}`] : []),
			`Dossier établi le ${formaterDate(new Date(), fuseau)} avec Terrinclus`
		],
		sommaire,
		blocs
	};
}

/** A file name without accents or spaces, from the project's title. */
export const nomDeFichier = (titre: string, extension: string) =>
	`${
		titre
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-zA-Z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.toLowerCase()
			.slice(0, 60) || 'projet'
	}.${extension}`;
