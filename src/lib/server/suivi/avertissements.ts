// What the method asks the team to watch, read from the monitoring data: pure, so that the
// monitoring page and the reminders say the same thing.
import type { LigneTableau } from './valeurs/tableau.ts';

export interface EtatDuSuivi {
	aujourdhui: string;
	periodes: readonly { id: number; libelle: string; fin: string }[];
	tableau: readonly LigneTableau[];
	activitesEnRetard: readonly string[];
	lignesEnDepassement: readonly string[];
}

const liste = (noms: readonly string[]) => noms.map((n) => `« ${n} »`).join(', ');

export function avertissementsDuSuivi(e: EtatDuSuivi): string[] {
	const a: string[] = [];
	const closes = e.periodes.filter((p) => p.fin < e.aujourdhui);
	const suivis = e.tableau.filter((l) => l.type !== '');
	// The method insists on effects in France: an indicator measured here with no value yet.
	if (closes.length) {
		const sansIci = suivis.filter((l) => l.series.some((s) => s.cote === 'ici' && s.cellules.every((c) => c.statut === null))).map((l) => l.libelle);
		if (sansIci.length) a.push(`Aucune valeur en France pour ${liste(sansIci)} : ce qui change ici compte autant que ce qui change là-bas.`);
		const vides = closes.filter((p) => suivis.some((l) => l.series.some((s) => s.cellules.find((c) => c.periodeId === p.id)?.statut === null))).map((p) => p.libelle);
		if (vides.length) a.push(`${vides.length === 1 ? 'Une période close attend' : 'Des périodes closes attendent'} encore des valeurs : ${liste(vides)}.`);
	}
	// Far from the target: past half of the periods, less than a quarter of the way.
	if (e.periodes.length && closes.length / e.periodes.length > 0.5) {
		const loin = suivis.filter((l) => l.series.some((s) => s.avancement !== null && s.avancement < 0.25)).map((l) => l.libelle);
		if (loin.length) a.push(`Plus de la moitié des périodes sont passées et ${liste(loin)} ${loin.length > 1 ? 'restent' : 'reste'} loin de ${loin.length > 1 ? 'leur' : 'sa'} cible (moins d’un quart du chemin).`);
	}
	// A closed period's validated figure short of the target set for it.
	const manquees = suivis.flatMap((l) =>
		l.series.flatMap((s) => s.cellules.filter((c) => c.statut === 'validee' && c.atteinte === false && closes.some((p) => p.id === c.periodeId)).map((c) => `« ${l.libelle} » (${s.cote === 'ici' ? 'ici' : 'là-bas'}, ${e.periodes.find((p) => p.id === c.periodeId)!.libelle})`))
	);
	if (manquees.length) a.push(`${manquees.length === 1 ? 'Une valeur validée n’atteint pas' : `${manquees.length} valeurs validées n’atteignent pas`} la cible de ${manquees.length === 1 ? 'sa' : 'leur'} période : ${manquees.join(', ')}.`);
	// A split that does not add up: the table says which value.
	const ecarts = suivis.filter((l) => l.series.some((s) => s.cellules.some((c) => c.ecarts.length))).map((l) => l.libelle);
	if (ecarts.length) a.push(`La ventilation d’une valeur ne tombe pas juste pour ${liste(ecarts)} : la somme des catégories diffère du total.`);
	if (e.activitesEnRetard.length) a.push(`${e.activitesEnRetard.length === 1 ? 'Une activité est' : `${e.activitesEnRetard.length} activités sont`} en retard : ${liste(e.activitesEnRetard)}.`);
	if (e.lignesEnDepassement.length) a.push(`Le budget dérive : ${liste(e.lignesEnDepassement)} ${e.lignesEnDepassement.length > 1 ? 'dépassent' : 'dépasse'} le montant prévu.`);
	return a;
}
