import type { StatutFiche } from '../db/schema.ts';
import type { Politique } from './acteur.ts';

/** Stages, recommendations, pages: the public method. */
export type Kit = { type: 'kit' };
export type Fiche = { type: 'fiche'; statut: StatutFiche };

export const kit: Politique<Kit> = {
	peut: (_acteur, action) => action === 'lire'
};

export const fiche: Politique<Fiche> = {
	// Drafts are for the editorial team.
	peut: (acteur, action, f) => action === 'lire' && (f.statut === 'publiee' || acteur.role === 'editeur' || acteur.role === 'administrateur'),
	cache: () => true
};

/** The fiche statuses an actor may read: lists and search show only those. */
export function statutsFichesLisibles(acteur: Parameters<typeof fiche.peut>[0]): StatutFiche[] {
	return (['publiee', 'brouillon'] as const).filter((statut) => fiche.peut(acteur, 'lire', { type: 'fiche', statut }));
}
