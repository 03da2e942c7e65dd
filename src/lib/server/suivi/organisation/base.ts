// The organisation's dashboard: its projects, the monitoring of those the reader may follow,
// read for all of them in as many queries as for one project.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { projets, projetsEquipe, type RoleOrganisation, type RoleProjet } from '../../db/schema.ts';
import { peut, type Acteur } from '../../policies/index.ts';
import { LIBELLES_ROLES_PROJET } from '#lib/projets/roles.ts';
import { lireSuivis } from '../lecture.ts';
import { etatDuProjet, type EtatDuProjet } from './etat.ts';

/** The organisation's projects with the reader's role on each team (null: not in it). */
export function projetsDeLOrganisation(db: Database, organisationId: number, utilisateurId: string) {
	return db
		.select({ id: projets.id, titre: projets.titre, role: projetsEquipe.role })
		.from(projets)
		.leftJoin(projetsEquipe, and(eq(projetsEquipe.projetId, projets.id), eq(projetsEquipe.utilisateurId, utilisateurId)))
		.where(eq(projets.organisationId, organisationId))
		.orderBy(asc(projets.titre), asc(projets.id));
}

/**
 * Outside the team, the counts only: the points of attention and the indicators name what the
 * project does (activities, budget lines, figures), which stays with its team.
 */
const contenuPourLEquipe = (e: EtatDuProjet, equipe: boolean): EtatDuProjet => (equipe ? e : { ...e, avertissements: [], indicateursIci: [] });

export async function tableauDeLOrganisation(db: Database, p: { organisationId: number; acteur: Acteur & { id: string; fuseau: string }; roleOrganisation: RoleOrganisation | null }) {
	const tous = await projetsDeLOrganisation(db, p.organisationId, p.acteur.id);
	const visibles = tous.filter((x) => peut(p.acteur, 'voir-etat-du-suivi', { type: 'projet-de-l-organisation', role: x.role as RoleProjet | null, roleOrganisation: p.roleOrganisation }));
	const suivis = await lireSuivis(db, visibles.map((x) => x.id), p.acteur.fuseau);
	return {
		projets: visibles.map((x) => ({
			id: x.id,
			titre: x.titre,
			/** Only its team opens the project itself. */
			ouvrir: x.role !== null,
			role: x.role ? LIBELLES_ROLES_PROJET[x.role as RoleProjet] : null,
			etat: contenuPourLEquipe(etatDuProjet(suivis.get(x.id)!), x.role !== null)
		})),
		/** Projects the reader is not shown (a member sees the projects of their teams only). */
		caches: tous.length - visibles.length
	};
}
