import type { RoleOrganisation, RoleProjet } from '../db/schema.ts';
import { estConnecte, type Politique } from './acteur.ts';

/** Creating projects (the porteur organisation's role is checked by `porteur`). */
export type Projets = { type: 'projets' };
/**
 * One project, with the acting account's role on its team (null: not in the team) and
 * whether its porteur made its summary public.
 */
export type Projet = { type: 'projet'; role: RoleProjet | null; public: boolean };
/**
 * A project on its organisation's dashboard: the acting account's role on its team and in the
 * organisation that carries it.
 */
export type ProjetDeLOrganisation = { type: 'projet-de-l-organisation'; role: RoleProjet | null; roleOrganisation: RoleOrganisation | null };
/** A comment on a project's section: the acting account's role on the project, and whether it wrote it. */
export type Commentaire = { type: 'commentaire'; role: RoleProjet | null; sien: boolean };

export const projets: Politique<Projets> = {
	peut: (acteur, action) => action === 'creer' && estConnecte(acteur)
};

export const projet: Politique<Projet> = {
	peut(acteur, action, p) {
		// Private to its team: not even administrators read a project they are not in.
		if (action === 'lire-resume') return p.public || p.role !== null;
		if (!estConnecte(acteur) || p.role === null) return false;
		switch (action) {
			case 'lire':
			case 'commenter':
			case 'exporter':
			case 'quitter':
				return true;
			case 'modifier':
			case 'evaluer':
			case 'saisir-valeurs':
				return p.role === 'pilote' || p.role === 'contributeur';
			case 'gerer-equipe':
			case 'organiser-suivi':
			case 'valider-valeurs':
				return p.role === 'pilote';
			default:
				return false;
		}
	},
	// A project's existence is private to its team.
	cache: (p) => p.role === null
};

/**
 * Where a project's monitoring stands (periods, what waits, what is late, its indicators in
 * France): its team, and the owners and managers of the organisation that carries it, who answer
 * for it — not the project's content, which stays with its team.
 */
export const projetDeLOrganisation: Politique<ProjetDeLOrganisation> = {
	peut: (acteur, action, p) => action === 'voir-etat-du-suivi' && estConnecte(acteur) && (p.role !== null || p.roleOrganisation === 'proprietaire' || p.roleOrganisation === 'gestionnaire')
};

export const commentaire: Politique<Commentaire> = {
	// One's own comment, or any for a pilote, who keeps the discussion in order.
	peut: (acteur, action, c) => action === 'supprimer' && estConnecte(acteur) && c.role !== null && (c.sien || c.role === 'pilote'),
	cache: (c) => c.role === null
};
