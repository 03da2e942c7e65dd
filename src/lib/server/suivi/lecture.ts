// Everything the monitoring of a project reads, in a fixed number of queries whatever the
// number of indicators, periods or activities — or of projects, for an organisation's
// dashboard: the monitoring page, its exports and the organisation's page share it.
import { asc, inArray } from 'drizzle-orm';
import { jourDans } from '#lib/dates.ts';
import type { Database } from '../db/index.ts';
import { suiviPeriodes } from '../db/schema.ts';
import { sectionsDesProjets } from '../projets/projets.ts';
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

/** Rows of several projects, by project (each project present, even without rows). */
function parProjet<T extends { projetId: number }>(ids: readonly number[], rangs: T[]): Map<number, T[]> {
	const m = new Map(ids.map((id) => [id, [] as T[]]));
	for (const r of rangs) m.get(r.projetId)?.push(r);
	return m;
}

export async function lireSuivi(db: Database, projetId: number, fuseau?: string | null) {
	return (await lireSuivis(db, [projetId], fuseau)).get(projetId)!;
}

/** The monitoring of several projects, in as many queries as for one. */
export async function lireSuivis(db: Database, ids: readonly number[], fuseau?: string | null) {
	const [sections, periodes, valeurs, rapports, suivis, atteints, depenses, cibles] = await Promise.all([
		sectionsDesProjets(db, ids),
		ids.length
			? db
					.select({ projetId: suiviPeriodes.projetId, id: suiviPeriodes.id, libelle: suiviPeriodes.libelle, debut: suiviPeriodes.debut, fin: suiviPeriodes.fin, verrouilleeLe: suiviPeriodes.verrouilleeLe })
					.from(suiviPeriodes)
					.where(inArray(suiviPeriodes.projetId, [...ids]))
					.orderBy(asc(suiviPeriodes.debut))
			: [],
		ids.length ? valeursDuProjet(db, ids) : [],
		ids.length ? comptesRendus(db, ids) : [],
		ids.length ? suiviDesActivites(db, ids) : [],
		ids.length ? jalonsAtteints(db, ids) : [],
		ids.length ? depensesDuProjet(db, ids) : [],
		ids.length ? ciblesDuProjet(db, ids) : []
	]);
	const aujourdhui = jourDans(fuseau);
	const de = { periodes: parProjet(ids, periodes), valeurs: parProjet(ids, valeurs), rapports: parProjet(ids, rapports), suivis: parProjet(ids, suivis), atteints: parProjet(ids, atteints), depenses: parProjet(ids, depenses), cibles: parProjet(ids, cibles) };
	return new Map(
		ids.map((id) => [
			id,
			assembler({ sections: sections.get(id)!, aujourdhui, periodes: de.periodes.get(id)!, valeurs: de.valeurs.get(id)!, rapports: de.rapports.get(id)!, suivis: de.suivis.get(id)!, atteints: de.atteints.get(id)!, depenses: de.depenses.get(id)!, cibles: de.cibles.get(id)! })
		])
	);
}

type Lu = {
	sections: Awaited<ReturnType<typeof sectionsDesProjets>> extends Map<number, infer S> ? S : never;
	aujourdhui: string;
	periodes: { projetId: number; id: number; libelle: string; debut: string; fin: string; verrouilleeLe: Date | null }[];
	valeurs: Awaited<ReturnType<typeof valeursDuProjet>>;
	rapports: Awaited<ReturnType<typeof comptesRendus>>;
	suivis: Awaited<ReturnType<typeof suiviDesActivites>>;
	atteints: Awaited<ReturnType<typeof jalonsAtteints>>;
	depenses: Awaited<ReturnType<typeof depensesDuProjet>>;
	cibles: Awaited<ReturnType<typeof ciblesDuProjet>>;
};

function assembler({ sections, aujourdhui, periodes, valeurs, rapports, suivis, atteints, depenses, cibles }: Lu) {
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
