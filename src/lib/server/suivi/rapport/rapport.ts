// The monitoring report of one period, as the dossier's blocks: Word and PDF draw it with the
// dossier's own renderers, in the same quality.
import type { Database } from '../../db/index.ts';
import { LIBELLES_ROLES_PROJET } from '#lib/projets/roles.ts';
import { dateDuDossier, montant } from '../../projets/exports/format.ts';
import { normaliser, type Bloc, type Dossier } from '../../projets/exports/dossier.ts';
import { equipeDuProjet, organisationsPartenaires, type Projet } from '../../projets/projets.ts';
import { RUBRIQUES } from '../comptes-rendus/regles.ts';
import { lireSuivi } from '../lecture.ts';
import { duAu } from '../periodes/regles.ts';
import { avancement, LIBELLES_COTE } from '../valeurs/regles.ts';
import { avecArticle } from '../../../francais.ts';
import { lignes } from '#lib/projets/sections.ts';
import { preuvesDuProjet } from '../../fichiers/preuves/base.ts';
import { formaterDateHeure } from '#lib/dates.ts';
import sharp from 'sharp';
import { chemin, descriptionDuGraphique, HAUTEUR_DOCUMENT, LARGEUR, svgDuGraphique } from '#lib/suivi/graphique.ts';

const part = (t: number | null) => (t === null ? '—' : `${Math.round(t * 100)}\u00a0%`);
const LIBELLES_RAPPORT = { brouillon: 'brouillon', soumise: 'soumis, en attente de validation', validee: 'validé', renvoyee: 'renvoyé pour correction' } as const;

/** Undefined when the period is not the project's. */
/** `confidentielles`: whether confidential evidence is listed (never for a reader's export). */
export async function rapportDeSuivi(db: Database, projet: Projet, periodeId: number, options: { auteur: string; fuseau?: string; confidentielles?: boolean }): Promise<{ dossier: Dossier; periode: string } | undefined> {
	const [s, equipe, preuves] = await Promise.all([
		lireSuivi(db, projet.id, options.fuseau),
		equipeDuProjet(db, projet.id),
		preuvesDuProjet(db, projet.id, { cibles: ['valeur', 'compte-rendu', 'activite', 'jalon'], confidentielles: options.confidentielles === true })
	]);
	const i = s.periodes.findIndex((p) => p.id === periodeId);
	const periode = s.periodes[i];
	if (!periode) return undefined;
	const blocs: Bloc[] = [];
	const sommaire: Dossier['sommaire'] = [];
	const partie = (ancre: string, titre: string) => {
		sommaire.push({ ancre, titre });
		blocs.push({ type: 'titre', niveau: 1, texte: titre, ancre });
	};

	partie('indicateurs', 'Indicateurs');
	blocs.push({ type: 'paragraphe', texte: `Valeurs de la période « ${periode.libelle} », et cumul des périodes jusqu’à elle comprise (valeurs validées seulement), face à la cible.`, note: true });
	const suivis = s.tableau.filter((l) => l.type !== '');
	if (suivis.length)
		blocs.push({
			type: 'tableau',
			colonnes: ['Indicateur', 'Côté', 'Valeur de la période', 'Cumul validé', 'Cible', 'Avancement'],
			lignes: suivis.flatMap((l) =>
				l.series.map((serie) => {
					const c = serie.cellules[i]!;
					const cumul = serie.courbe.slice(0, i + 1).filter((v) => v !== null).at(-1) ?? null;
					const unite = l.unite === '%' ? '\u00a0%' : l.unite ? `\u00a0${l.unite}` : '';
					return [l.libelle, serie.libelleCote, c.statut ? `${c.affichee} (${c.libelleStatut.toLowerCase()})` : 'à saisir', l.type === 'qualitatif' || cumul === null ? '—' : `${cumul.toLocaleString('fr-FR', { maximumFractionDigits: 1 })}${unite}`, l.cibleAffichee || '—', l.type === 'qualitatif' ? '—' : chemin(avancement(l, cumul))];
				})
			),
			largeurs: [3, 1.4, 2, 1.4, 1.2, 1.4]
		});
	else blocs.push({ type: 'paragraphe', texte: 'Aucun indicateur suivi pour l’instant.', note: true });
	// Each indicator in figures with a validated value so far: its chart up to this period.
	const graphiques = suivis
		.filter((l) => l.type !== 'qualitatif')
		.map((l) => ({ l, series: l.series.map((serie) => ({ ...serie, courbe: serie.courbe.slice(0, i + 1), courbeCible: serie.courbeCible.slice(0, i + 1) })) }))
		.filter(({ series }) => series.some((serie) => serie.courbe.some((v) => v !== null)));
	if (graphiques.length) {
		blocs.push({ type: 'titre', niveau: 2, texte: 'Graphiques' });
		blocs.push({ type: 'paragraphe', texte: 'Valeurs validées après chaque période jusqu’à celle-ci, de chaque côté ; la cible de fin de projet en pointillés, les cibles des périodes en losanges.', note: true });
		for (const { l, series } of graphiques) {
			const png = await sharp(Buffer.from(svgDuGraphique({ libelle: l.libelle, series, cible: l.cible, unite: l.unite })), { density: 144 }).png().toBuffer();
			blocs.push({ type: 'titre', niveau: 3, texte: l.libelle }, { type: 'image', png, largeur: LARGEUR, hauteur: HAUTEUR_DOCUMENT, titre: l.libelle, alternative: descriptionDuGraphique(series, l.cible, l.unite) });
		}
	}
	const commentaires = s.valeurs.filter((v) => v.periodeId === periode.id && v.commentaire);
	if (commentaires.length) {
		blocs.push({ type: 'titre', niveau: 2, texte: 'Sources et commentaires des valeurs' });
		blocs.push({ type: 'liste', elements: commentaires.map((v) => `${s.indicateurs.find((x) => x.id === v.indicateur)?.libelle ?? 'Indicateur retiré'} (${LIBELLES_COTE[v.cote]}) : ${v.commentaire}`) });
	}

	partie('comptes-rendus', 'Comptes rendus');
	for (const cote of ['ici', 'la-bas'] as const) {
		const r = s.rapports.find((x) => x.periodeId === periode.id && x.cote === cote);
		blocs.push({ type: 'titre', niveau: 2, texte: LIBELLES_COTE[cote] });
		if (!r) {
			blocs.push({ type: 'paragraphe', texte: 'Pas de compte rendu pour cette période.', note: true });
			continue;
		}
		blocs.push({ type: 'paragraphe', texte: `Compte rendu ${LIBELLES_RAPPORT[r.statut]}${r.auteur ? `, écrit par ${r.auteur}` : ''}.`, note: true });
		for (const rub of RUBRIQUES) if (r.contenu[rub.nom]) blocs.push({ type: 'titre', niveau: 3, texte: rub.libelle }, { type: 'paragraphe', texte: r.contenu[rub.nom] });
	}

	partie('activites', 'Activités');
	if (s.activites.length)
		blocs.push({
			type: 'tableau',
			colonnes: ['Activité', 'Prévue', 'État', 'Réelle'],
			lignes: s.activites.map((a) => [
				a.libelle,
				a.debut && a.fin ? `${dateDuDossier(a.debut)} – ${dateDuDossier(a.fin)}` : '—',
				`${a.libelleStatut}${a.enRetard ? ' (en retard)' : ''}`,
				a.suivi?.debutReel ? `${dateDuDossier(a.suivi.debutReel)} – ${a.suivi.finReelle ? dateDuDossier(a.suivi.finReelle) : 'en cours'}` : '—'
			]),
			largeurs: [3, 2.2, 1.4, 2.2]
		});
	else blocs.push({ type: 'paragraphe', texte: 'Aucune activité dans « Activités et calendrier ».', note: true });

	partie('budget', 'Exécution du budget');
	if (s.lignesBudget.length) {
		blocs.push({
			type: 'tableau',
			colonnes: ['Ligne', 'Côté', `Dépensé : ${periode.libelle}`, 'Dépensé en tout', 'Prévu', 'Exécution'],
			lignes: s.lignesBudget.map((l) => {
				const x = s.execution.parLigne.find((y) => y.id === l.id)!;
				const ici = s.depenses.find((d) => d.ligne === l.id && d.periodeId === periode.id)?.montant ?? 0;
				return [l.libelle, l.libelleCote, montant(ici, l.devise), montant(x.depense, l.devise), montant(l.prevu, l.devise), part(x.taux)];
			}),
			total: ['Ensemble, en euros', '', '', montant(s.execution.total.depenseEuros), montant(s.execution.total.prevuEuros), part(s.execution.total.taux)],
			alignements: ['gauche', 'gauche', 'droite', 'droite', 'droite', 'droite'],
			largeurs: [2.6, 1.5, 1.7, 1.7, 1.7, 1.1]
		});
	} else blocs.push({ type: 'paragraphe', texte: 'Le budget n’a pas de ligne de dépense.', note: true });

	// What supports the figures: the period's evidence, and the activities' and milestones'.
	const listees = preuves.filter((p) => !p.retireeLe && (p.periodeId === null || p.periodeId === periode.id));
	if (listees.length) {
		partie('preuves', 'Preuves');
		blocs.push({ type: 'paragraphe', texte: 'Les fichiers et liens joints aux valeurs et aux comptes rendus de la période, et aux activités et jalons. Les fichiers se téléchargent depuis la page de suivi du projet.', note: true });
		const jalons = lignes(s.sections.calendrier!.donnees, 'jalons');
		const sujet = (cible: string, cibleId: string) => {
			const [, indicateur, cote] = cibleId.split('/');
			if (cible === 'valeur') return `${s.indicateurs.find((x) => x.id === indicateur)?.libelle ?? 'Indicateur retiré'} — ${LIBELLES_COTE[cote as 'ici' | 'la-bas'] ?? ''}`;
			if (cible === 'compte-rendu') return `Compte rendu — ${LIBELLES_COTE[indicateur as 'ici' | 'la-bas'] ?? ''}`;
			if (cible === 'activite') return `Activité : ${s.activites.find((a) => a.id === cibleId)?.libelle ?? 'retirée'}`;
			return `Jalon : ${jalons.find((j) => j.id === cibleId)?.jalon || 'retiré'}`;
		};
		const etat = (p: (typeof listees)[number]) => (p.analyse === 'quarantaine' ? ' — en quarantaine' : p.analyse === 'a-analyser' ? ' — en attente de l’analyse antivirus' : '');
		blocs.push({
			type: 'tableau',
			colonnes: ['Preuve', 'À l’appui de', 'Fichier ou lien', 'Ajoutée'],
			lignes: listees.map((p) => [`${p.titre}${p.confidentielle ? ' (confidentielle)' : ''}`, sujet(p.cible, p.cibleId), `${p.lien ?? p.nomFichier ?? ''}${etat(p)}`, `${p.auteur ?? 'compte supprimé'}, ${formaterDateHeure(p.ajouteeLe, options.fuseau)}`]),
			largeurs: [2.4, 2.4, 2.4, 2]
		});
	}

	if (s.avertissements.length) {
		partie('attention', 'Points d’attention');
		blocs.push({ type: 'liste', elements: s.avertissements });
	}

	partie('equipe', 'Équipe');
	blocs.push({ type: 'tableau', colonnes: ['Nom', 'Organisations', 'Rôle sur le projet'], lignes: equipe.map((m) => [m.nom, m.organisations.map((o) => o.nom).join(', '), LIBELLES_ROLES_PROJET[m.role]]) });

	const partenaires = organisationsPartenaires(equipe, projet.porteurSlug);
	const genereLe = new Date();
	const dossier = normaliser({
		genre: 'Rapport de suivi',
		titre: projet.titre,
		porteur: projet.porteur,
		auteur: options.auteur,
		genereLe,
		presentation: [
			`Période « ${periode.libelle} », ${duAu(periode.debut, periode.fin)}${periode.verrouilleeLe ? ' (verrouillée)' : ' (en cours de validation)'}`,
			`Projet porté par ${avecArticle(projet.porteur)}`,
			...(partenaires.length ? [`en partenariat avec ${partenaires.map((o) => o.nom).join(', ')}`] : []),
			`Rapport établi le ${dateDuDossier(genereLe, options.fuseau)} par ${options.auteur} avec Terrinclus`
		],
		sommaire,
		blocs
	});
	return { dossier, periode: periode.libelle };
}

