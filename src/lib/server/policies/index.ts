// Who may do what: one small file per resource, one question asked by every load, action,
// endpoint and download (`peut`), and one way to refuse (`autoriser`).
import { error } from '@sveltejs/kit';
import type { Acteur, Action, Politique } from './acteur.ts';
import { administration, courrielsDeDeveloppement, type Administration, type CourrielsDeDeveloppement } from './administration.ts';
import { accueilComptes, compte, type AccueilComptes, type Compte } from './comptes.ts';
import { fiche, kit, type Fiche, type Kit } from './kit.ts';
import { organisation, organisations, type Organisation, type Organisations } from './organisations.ts';
import { commentaire, projet, projetDeLOrganisation, projets, type Commentaire, type Projet, type ProjetDeLOrganisation, type Projets } from './projets.ts';
import { preuve, preuves, type Preuve, type Preuves } from './preuves.ts';

export { estConnecte, VISITEUR, type Acteur, type Action } from './acteur.ts';
export { statutsFichesLisibles } from './kit.ts';

export type Ressource =
	| Kit
	| Fiche
	| Compte
	| AccueilComptes
	| Organisations
	| Organisation
	| Projets
	| Projet
	| ProjetDeLOrganisation
	| Commentaire
	| Preuves
	| Preuve
	| Administration
	| CourrielsDeDeveloppement;

const politiques: { [T in Ressource['type']]: Politique<Extract<Ressource, { type: T }>> } = {
	kit,
	fiche,
	compte,
	'accueil-comptes': accueilComptes,
	organisations,
	organisation,
	projets,
	projet,
	'projet-de-l-organisation': projetDeLOrganisation,
	commentaire,
	preuves,
	preuve,
	administration,
	'courriels-de-developpement': courrielsDeDeveloppement
};

const politique = (ressource: Ressource) => politiques[ressource.type] as Politique<Ressource>;

/** The one question every load and action asks: may this actor do this to this resource? */
export function peut(acteur: Acteur, action: Action, ressource: Ressource): boolean {
	return politique(ressource).peut(acteur, action, ressource);
}

/**
 * Throws the HTTP error a refusal deserves: 404 when saying « forbidden » would reveal that
 * something exists, 403 otherwise.
 */
export function autoriser(acteur: Acteur, action: Action, ressource: Ressource): void {
	if (peut(acteur, action, ressource)) return;
	if (politique(ressource).cache?.(ressource)) error(404, 'Page introuvable');
	error(403, 'Accès refusé');
}
