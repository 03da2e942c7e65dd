import { error } from '@sveltejs/kit';
import type { StatutFiche } from '../db/schema.ts';

/**
 * Who is asking. Accounts come later (issue « Comptes et organisations »); until then
 * every request comes from a visitor.
 */
export type Acteur = { role: 'visiteur' };

export type Ressource =
	| { type: 'kit' } // stages, recommendations, pages: the public method
	| { type: 'fiche'; statut: StatutFiche };

export type Action = 'lire';

export const VISITEUR: Acteur = { role: 'visiteur' };

/** The one question every load and action asks: may this actor do this to this resource? */
export function peut(acteur: Acteur, action: Action, ressource: Ressource): boolean {
	switch (ressource.type) {
		case 'kit':
			return action === 'lire';
		case 'fiche':
			// A draft is seen by nobody until editors exist.
			return action === 'lire' && ressource.statut === 'publiee' && acteur.role === 'visiteur';
	}
}

/** The fiche statuses an actor may read: lists and search show only those. */
export function statutsFichesLisibles(acteur: Acteur): StatutFiche[] {
	return (['publiee', 'brouillon'] as const).filter((statut) => peut(acteur, 'lire', { type: 'fiche', statut }));
}

/**
 * Throws the HTTP error a refusal deserves: 404 when saying « forbidden » would reveal that
 * something exists, 403 otherwise.
 */
export function autoriser(acteur: Acteur, action: Action, ressource: Ressource): void {
	if (peut(acteur, action, ressource)) return;
	if (ressource.type === 'fiche') error(404, 'Page introuvable');
	error(403, 'Accès refusé');
}
