// How an activity goes, without the database: the form's rules, lateness, and the timeline of
// planned against actual dates.
import { estJour } from '#lib/dates.ts';
import { lignes, type Donnees } from '#lib/projets/sections.ts';
import { STATUTS_ACTIVITE, type StatutActivite } from '../../db/schema.ts';

export const LIBELLES_STATUT_ACTIVITE: Record<StatutActivite, string> = { prevue: 'Prévue', 'en-cours': 'En cours', terminee: 'Terminée', 'en-retard': 'En retard', abandonnee: 'Abandonnée' };
export const OPTIONS_STATUT_ACTIVITE = STATUTS_ACTIVITE.map((valeur) => ({ valeur, libelle: LIBELLES_STATUT_ACTIVITE[valeur] }));

const CONTROLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface Avancement {
	statut: StatutActivite;
	debutReel: string | null;
	finReelle: string | null;
	commentaire: string;
}

/** Reads an activity's follow-up; `aujourdhui` (YYYY-MM-DD) bounds the actual dates. */
export function lireAvancement(saisie: Record<string, string | undefined>, aujourdhui: string): { ok: true; avancement: Avancement } | { ok: false; erreurs: Record<string, string> } {
	const erreurs: Record<string, string> = {};
	const statut = STATUTS_ACTIVITE.find((s) => s === saisie.statut);
	if (!statut) erreurs.statut = 'Choisissez un état dans la liste.';
	const date = (nom: 'debutReel' | 'finReelle') => {
		const s = (saisie[nom] ?? '').trim();
		if (!s) return null;
		if (!estJour(s)) erreurs[nom] = 'Indiquez une date valide (jj/mm/aaaa).';
		else if (s > aujourdhui) erreurs[nom] = 'Une date réelle ne peut être dans le futur : gardez la date prévue dans « Activités et calendrier ».';
		return s;
	};
	const debutReel = date('debutReel');
	const finReelle = date('finReelle');
	if (!erreurs.debutReel && !erreurs.finReelle && debutReel && finReelle && finReelle < debutReel) erreurs.finReelle = 'La fin ne peut précéder le début.';
	if (statut === 'terminee' && !finReelle) erreurs.finReelle ??= 'Indiquez la date à laquelle l’activité s’est terminée.';
	if ((statut === 'en-cours' || statut === 'terminee') && !debutReel) erreurs.debutReel ??= 'Indiquez la date à laquelle l’activité a commencé.';
	const commentaire = (saisie.commentaire ?? '').trim();
	if (commentaire.length > 2000) erreurs.commentaire = `2 000 caractères au plus (${commentaire.length} saisis).`;
	else if (CONTROLE.test(commentaire)) erreurs.commentaire = 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.';
	if (Object.keys(erreurs).length) return { ok: false, erreurs };
	return { ok: true, avancement: { statut: statut!, debutReel, finReelle, commentaire } };
}

export interface ActivitePrevue {
	id: string;
	libelle: string;
	responsable: string;
	debut: string;
	fin: string;
}

export const activitesPrevues = (calendrier: Donnees | undefined): ActivitePrevue[] =>
	lignes(calendrier, 'activites')
		.filter((l) => typeof l.id === 'string' && typeof l.activite === 'string' && l.activite)
		.map((l) => ({ id: l.id as string, libelle: l.activite as string, responsable: typeof l.responsable === 'string' ? l.responsable : '', debut: typeof l.debut === 'string' ? l.debut : '', fin: typeof l.fin === 'string' ? l.fin : '' }));

/**
 * Late: said so by the team, or its planned end is past and it is neither finished nor
 * abandoned (the method's warning: « une activité en retard »).
 */
export function estEnRetard(prevue: Pick<ActivitePrevue, 'fin'>, suivi: Pick<Avancement, 'statut'> | undefined, aujourdhui: string): boolean {
	if (suivi?.statut === 'en-retard') return true;
	if (suivi?.statut === 'terminee' || suivi?.statut === 'abandonnee') return false;
	return Boolean(prevue.fin) && prevue.fin < aujourdhui;
}

export interface BarreSuivie {
	libelle: string;
	prevue: { x: number; largeur: number } | null;
	reelle: { x: number; largeur: number; enCours: boolean } | null;
}

const jour = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Planned against actual, on one time scale: each activity's planned bar and, below it, its
 * actual one (running to today while it is under way).
 */
export function friseSuivie(activites: readonly (ActivitePrevue & { suivi?: Avancement })[], aujourdhui: string): { barres: BarreSuivie[]; debut?: string; fin?: string } {
	const dates = activites.flatMap((a) => [a.debut, a.fin, a.suivi?.debutReel ?? '', a.suivi?.finReelle ?? (a.suivi?.debutReel ? aujourdhui : '')]).filter(Boolean).sort();
	if (!dates.length) return { barres: [] };
	const d0 = jour(dates[0]!);
	const duree = Math.max(1, jour(dates.at(-1)!) - d0 + 1);
	const barre = (a: string, b: string) => ({ x: (jour(a) - d0) / duree, largeur: Math.max(1, jour(b) - jour(a) + 1) / duree });
	return {
		debut: dates[0],
		fin: dates.at(-1),
		barres: activites.map((a) => ({
			libelle: a.libelle,
			prevue: a.debut && a.fin ? barre(a.debut, a.fin) : null,
			reelle: a.suivi?.debutReel ? { ...barre(a.suivi.debutReel, a.suivi.finReelle ?? aujourdhui), enCours: !a.suivi.finReelle } : null
		}))
	};
}
