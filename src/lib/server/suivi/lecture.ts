// Everything the monitoring of a project reads, in a fixed number of queries whatever the
// number of indicators, periods or activities: the monitoring page and its exports share it.
import { asc, eq } from 'drizzle-orm';
import { jourDans } from '#lib/dates.ts';
import type { Database } from '../db/index.ts';
import { suiviPeriodes } from '../db/schema.ts';
import { sectionsDuProjet } from '../projets/projets.ts';
import { jalonsAtteints, suiviDesActivites } from './activites/base.ts';
import { ciblesDuProjet } from './cibles/base.ts';
import { activitesPrevues, estEnRetard, LIBELLES_STATUT_ACTIVITE } from './activites/regles.ts';
import { avertissementsDuSuivi } from './avertissements.ts';
import { comptesRendus } from './comptes-rendus/base.ts';
import { depensesDuProjet } from './depenses/base.ts';
import { executionDuBudget, lignesDuBudget } from './depenses/regles.ts';
import { valeursDuProjet } from './valeurs/base.ts';
import { indicateursDuCadre } from './valeurs/regles.ts';
import { tableauDeBord } from './valeurs/tableau.ts';

export async function lireSuivi(db: Database, projetId: number, fuseau?: string | null) {
	const [sections, periodes, valeurs, rapports, suivis, atteints, depenses, cibles] = await Promise.all([
		sectionsDuProjet(db, projetId),
		db.select({ id: suiviPeriodes.id, libelle: suiviPeriodes.libelle, debut: suiviPeriodes.debut, fin: suiviPeriodes.fin, verrouilleeLe: suiviPeriodes.verrouilleeLe }).from(suiviPeriodes).where(eq(suiviPeriodes.projetId, projetId)).orderBy(asc(suiviPeriodes.debut)),
		valeursDuProjet(db, projetId),
		comptesRendus(db, projetId),
		suiviDesActivites(db, projetId),
		jalonsAtteints(db, projetId),
		depensesDuProjet(db, projetId),
		ciblesDuProjet(db, projetId)
	]);
	const aujourdhui = jourDans(fuseau);
	const indicateurs = indicateursDuCadre(sections['cadre-logique']!.donnees);
	const tableau = tableauDeBord(indicateurs, periodes, valeurs, cibles);
	const activites = activitesPrevues(sections.calendrier!.donnees).map((a) => {
		const s = suivis.find((x) => x.activite === a.id);
		return { ...a, suivi: s, libelleStatut: s ? LIBELLES_STATUT_ACTIVITE[s.statut] : 'Prévue', enRetard: estEnRetard(a, s, aujourdhui) };
	});
	const lignesBudget = lignesDuBudget(sections.budget!.donnees);
	const execution = executionDuBudget(lignesBudget, depenses);
	const depassements = new Set(execution.depassements);
	return {
		sections,
		aujourdhui,
		periodes,
		indicateurs,
		valeurs,
		cibles,
		tableau,
		rapports,
		activites,
		atteints,
		lignesBudget,
		depenses,
		execution,
		avertissements: avertissementsDuSuivi({
			aujourdhui,
			periodes,
			tableau,
			activitesEnRetard: activites.filter((a) => a.enRetard).map((a) => a.libelle),
			lignesEnDepassement: lignesBudget.filter((l) => depassements.has(l.id)).map((l) => l.libelle)
		})
	};
}
export type Suivi = Awaited<ReturnType<typeof lireSuivi>>;
