import type { RoleProjet } from '../db/schema.ts';
import { estConnecte, type Politique } from './acteur.ts';

/** A project's evidence as a whole: who may add to it. */
export type Preuves = { type: 'preuves'; role: RoleProjet | null };
/**
 * One piece of evidence: the acting account's role on its project, whether it is for the
 * team only, and whether this account added it.
 */
export type Preuve = { type: 'preuve'; role: RoleProjet | null; confidentielle: boolean; sienne: boolean };

const dansLEquipe = (role: RoleProjet | null) => role !== null;

export const preuves: Politique<Preuves> = {
	// Those who enter values and findings bring their evidence.
	peut: (acteur, action, p) => action === 'creer' && estConnecte(acteur) && (p.role === 'pilote' || p.role === 'contributeur'),
	cache: (p) => !dansLEquipe(p.role)
};

const voit = (p: Preuve) => dansLEquipe(p.role) && (!p.confidentielle || p.role !== 'lecteur');

export const preuve: Politique<Preuve> = {
	peut(acteur, action, p) {
		if (!estConnecte(acteur) || !voit(p)) return false;
		if (action === 'lire') return true;
		// Its author takes back what they brought; a pilote keeps the whole in order.
		if (action === 'supprimer') return p.role === 'pilote' || (p.role === 'contributeur' && p.sienne);
		return false;
	},
	// Nobody outside the team, nor a lecteur for a confidential file, learns that it exists.
	cache: (p) => !voit(p)
};
