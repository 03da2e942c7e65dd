import type { Politique } from './acteur.ts';

/** The admin area: accounts, organisations, security log. */
export type Administration = { type: 'administration' };
/** The mails kept while no SMTP server is configured (development page). */
export type CourrielsDeDeveloppement = { type: 'courriels-de-developpement'; visibles: boolean };

export const administration: Politique<Administration> = {
	peut: (acteur) => acteur.role === 'administrateur'
};

export const courrielsDeDeveloppement: Politique<CourrielsDeDeveloppement> = {
	// Verification links are secrets: shown only to this machine on a development set-up
	// (comptes/courriel.ts decides what that is).
	peut: (_acteur, action, c) => action === 'lire' && c.visibles,
	cache: () => true
};
