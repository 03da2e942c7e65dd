import type { RoleOrganisation } from '../db/schema.ts';
import { estConnecte, type Politique } from './acteur.ts';

/** Creating organisations. */
export type Organisations = { type: 'organisations' };
/** One organisation, with the acting account's role in it (null: not a member). */
export type Organisation = { type: 'organisation'; role: RoleOrganisation | null };

export const organisations: Politique<Organisations> = {
	peut: (acteur, action) => action === 'creer' && estConnecte(acteur)
};

export const organisation: Politique<Organisation> = {
	peut(acteur, action, { role }) {
		if (action === 'lire') return true;
		if (!estConnecte(acteur)) return false;
		const admin = acteur.role === 'administrateur';
		const gere = role === 'proprietaire' || role === 'gestionnaire';
		switch (action) {
			case 'voir-membres':
				return role !== null || admin;
			// Members only: the dashboard shows each what the next rule lets them see.
			case 'suivre-projets':
				return role !== null;
			case 'modifier':
			case 'gerer-membres':
				return gere || admin;
			case 'changer-roles':
				return role === 'proprietaire' || admin;
			case 'quitter':
				return role !== null;
			case 'demander':
				return role === null;
			default:
				return false;
		}
	}
};
