import { estConnecte, type Politique } from './acteur.ts';

/** One's own account: profile, sessions, password. */
export type Compte = { type: 'compte'; id: string };
/** The sign-up and sign-in forms, for visitors. */
export type AccueilComptes = { type: 'accueil-comptes' };

export const compte: Politique<Compte> = {
	peut: (acteur, _action, c) => estConnecte(acteur) && acteur.id === c.id
};

export const accueilComptes: Politique<AccueilComptes> = {
	peut: (_acteur, action) => action === 'utiliser'
};
