import type { RolePlateforme } from '../db/schema.ts';

/** Who is asking: a visitor, or a signed-in account with its platform role. */
export type Acteur =
	| { role: 'visiteur' }
	| { role: RolePlateforme; id: string; nom: string; courriel: string; sessionId: string; /** IANA zone its dates are shown in. */ fuseau: string };

export const VISITEUR: Acteur = { role: 'visiteur' };

export const estConnecte = (a: Acteur): a is Exclude<Acteur, { role: 'visiteur' }> => a.role !== 'visiteur';

/** The verbs of the policies, shared by every resource. */
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
	/** Set a project's reporting periods (its pilots). */
	| 'organiser-suivi'
	/** Enter indicator values and submit them (contributors and pilots, on either side). */
	| 'saisir-valeurs'
	/** Validate or return submitted values, lock and unlock a period (its pilots). */
	| 'valider-valeurs'
	/** Open an organisation's dashboard of its projects' monitoring (its members). */
	| 'suivre-projets'
	/** See where a project's monitoring stands on its organisation's dashboard. */
	| 'voir-etat-du-suivi'
	| 'supprimer';

/**
 * The rule of one kind of resource. `cache`: a refusal is answered 404, because saying
 * « forbidden » would reveal that the thing exists.
 */
export type Politique<R> = {
	peut(acteur: Acteur, action: Action, ressource: R): boolean;
	cache?(ressource: R): boolean;
};
