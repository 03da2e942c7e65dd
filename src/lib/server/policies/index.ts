import { error } from '@sveltejs/kit';
import type { RoleOrganisation, RolePlateforme, RoleProjet, StatutFiche } from '../db/schema.ts';

/** Who is asking: a visitor, or a signed-in account with its platform role. */
export type Acteur =
	| { role: 'visiteur' }
	| { role: RolePlateforme; id: string; nom: string; courriel: string; sessionId: string; /** IANA zone its dates are shown in. */ fuseau: string };

export type Ressource =
	| { type: 'kit' } // stages, recommendations, pages: the public method
	| { type: 'fiche'; statut: StatutFiche }
	/** One's own account: profile, sessions, password. */
	| { type: 'compte'; id: string }
	/** The sign-up and sign-in forms, for visitors. */
	| { type: 'accueil-comptes' }
	/** Creating organisations. */
	| { type: 'organisations' }
	/** One organisation, with the acting account's role in it (null: not a member). */
	| { type: 'organisation'; role: RoleOrganisation | null }
	/** Creating projects (the porteur organisation's role is checked by `porteur`). */
	| { type: 'projets' }
	/**
	 * One project, with the acting account's role on its team (null: not in the team) and
	 * whether its porteur made its summary public.
	 */
	| { type: 'projet'; role: RoleProjet | null; public: boolean }
	/** A comment on a project's section: the acting account's role on the project, and whether it wrote it. */
	| { type: 'commentaire'; role: RoleProjet | null; sien: boolean }
	/** The admin area: accounts, organisations, security log. */
	| { type: 'administration' }
	/** The mails kept while no SMTP server is configured (development page). */
	| { type: 'courriels-de-developpement'; visibles: boolean };

export type Action =
	| 'lire'
	| 'modifier'
	| 'utiliser'
	| 'creer'
	/** See the members, invitations and requests of an organisation. */
	| 'voir-membres'
	/** Invite, revoke an invitation, answer a request, remove a member who is not an owner. */
	| 'gerer-membres'
	/** Change a member's role, name or remove an owner. */
	| 'changer-roles'
	| 'quitter'
	/** Ask to join. */
	| 'demander'
	/** Read a project's public summary. */
	| 'lire-resume'
	/** Comment a project's sections. */
	| 'commenter'
	/** Take the self-assessment. */
	| 'evaluer'
	/** Add, invite, change or remove people on a project; make its summary public. */
	| 'gerer-equipe'
	/** Download a project's exports. */
	| 'exporter'
	| 'supprimer';

export const VISITEUR: Acteur = { role: 'visiteur' };

export const estConnecte = (a: Acteur): a is Exclude<Acteur, { role: 'visiteur' }> => a.role !== 'visiteur';

/** The one question every load and action asks: may this actor do this to this resource? */
export function peut(acteur: Acteur, action: Action, ressource: Ressource): boolean {
	switch (ressource.type) {
		case 'kit':
			return action === 'lire';
		case 'fiche':
			// Drafts are for the editorial team.
			return action === 'lire' && (ressource.statut === 'publiee' || acteur.role === 'editeur' || acteur.role === 'administrateur');
		case 'compte':
			return estConnecte(acteur) && acteur.id === ressource.id;
		case 'accueil-comptes':
			return action === 'utiliser';
		case 'organisations':
			return action === 'creer' && estConnecte(acteur);
		case 'administration':
			return acteur.role === 'administrateur';
		case 'projets':
			return action === 'creer' && estConnecte(acteur);
		case 'projet': {
			// Private to its team: not even administrators read a project they are not in.
			if (action === 'lire-resume') return ressource.public || ressource.role !== null;
			if (!estConnecte(acteur) || ressource.role === null) return false;
			switch (action) {
				case 'lire':
				case 'commenter':
				case 'exporter':
				case 'quitter':
					return true;
				case 'modifier':
				case 'evaluer':
					return ressource.role === 'pilote' || ressource.role === 'contributeur';
				case 'gerer-equipe':
					return ressource.role === 'pilote';
				default:
					return false;
			}
		}
		case 'commentaire':
			// One's own comment, or any for a pilote, who keeps the discussion in order.
			return action === 'supprimer' && estConnecte(acteur) && ressource.role !== null && (ressource.sien || ressource.role === 'pilote');
		case 'organisation': {
			if (action === 'lire') return true;
			if (!estConnecte(acteur)) return false;
			const admin = acteur.role === 'administrateur';
			const gere = ressource.role === 'proprietaire' || ressource.role === 'gestionnaire';
			switch (action) {
				case 'voir-membres':
					return ressource.role !== null || admin;
				case 'modifier':
				case 'gerer-membres':
					return gere || admin;
				case 'changer-roles':
					return ressource.role === 'proprietaire' || admin;
				case 'quitter':
					return ressource.role !== null;
				case 'demander':
					return ressource.role === null;
				default:
					return false;
			}
		}
		case 'courriels-de-developpement':
			// Verification links are secrets: shown only to this machine on a development set-up
			// (comptes/courriel.ts decides what that is).
			return action === 'lire' && ressource.visibles;
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
	// A project's existence is private to its team.
	if (ressource.type === 'fiche' || ressource.type === 'courriels-de-developpement' || ((ressource.type === 'projet' || ressource.type === 'commentaire') && ressource.role === null)) error(404, 'Page introuvable');
	error(403, 'Accès refusé');
}
