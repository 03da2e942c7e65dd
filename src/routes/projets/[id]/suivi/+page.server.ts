import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { periodesDuProjet } from '#lib/server/suivi/periodes/base.ts';
import { ajouterUnePeriode, datesDuProjet, decouperLaPeriode, OPTIONS_RYTHMES, supprimer } from '#lib/server/suivi/periodes/actions.ts';
import { duAu } from '#lib/server/suivi/periodes/regles.ts';
import { eq } from 'drizzle-orm';
import { suiviPeriodes } from '#lib/server/db/schema.ts';
import { indicateursDuProjet } from '#lib/server/suivi/valeurs/actions.ts';
import { valeursDuProjet } from '#lib/server/suivi/valeurs/base.ts';
import { tableauDeBord } from '#lib/server/suivi/valeurs/tableau.ts';
import { jourDans } from '#lib/dates.ts';
import { etatSection } from '#lib/server/projets/projets.ts';
import { suiviDesActivites } from '#lib/server/suivi/activites/base.ts';
import { activitesPrevues, estEnRetard } from '#lib/server/suivi/activites/regles.ts';
import { avertissementsDuSuivi } from '#lib/server/suivi/avertissements.ts';
import { depensesDuProjet } from '#lib/server/suivi/depenses/base.ts';
import { executionDuBudget, lignesDuBudget } from '#lib/server/suivi/depenses/regles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [periodes, dates, indicateurs, valeurs, verrous, calendrier, budget, activites, depenses] = await Promise.all([
		periodesDuProjet(db(), projet.id),
		datesDuProjet(projet.id),
		indicateursDuProjet(projet.id),
		valeursDuProjet(db(), projet.id),
		db().select({ id: suiviPeriodes.id, le: suiviPeriodes.verrouilleeLe }).from(suiviPeriodes).where(eq(suiviPeriodes.projetId, projet.id)),
		etatSection(db(), projet.id, 'calendrier'),
		etatSection(db(), projet.id, 'budget'),
		suiviDesActivites(db(), projet.id),
		depensesDuProjet(db(), projet.id)
	]);
	const aujourdhui = jourDans(acteur.fuseau);
	const tableau = tableauDeBord(indicateurs, periodes, valeurs);
	const lignesBudget = lignesDuBudget(budget.donnees);
	const depassements = new Set(executionDuBudget(lignesBudget, depenses).depassements);
	// Per period: the series expected (typed indicators × their sides) and the values by state.
	const attendues = indicateurs.filter((i) => i.type !== '').reduce((n, i) => n + i.cotes.length, 0);
	const etat = (periodeId: number) => {
		const siennes = valeurs.filter((v) => v.periodeId === periodeId);
		const n = (statut: string) => siennes.filter((v) => v.statut === statut).length;
		return { attendues, saisies: siennes.length, validees: n('validee'), soumises: n('soumise'), renvoyees: n('renvoyee'), brouillons: n('brouillon'), verrouillee: verrous.some((x) => x.id === periodeId && x.le) };
	};
	const ajoutees = Number(event.url.searchParams.get('ajoutees'));
	return {
		projet: { id: projet.id, titre: projet.titre },
		organiser: peut(acteur, 'organiser-suivi', { type: 'projet', role, public: projet.public }),
		periodes: periodes.map((p) => ({ ...p, etat: etat(p.id) })),
		tableau,
		avertissements: avertissementsDuSuivi({
			aujourdhui,
			periodes,
			tableau,
			activitesEnRetard: activitesPrevues(calendrier.donnees)
				.filter((a) => estEnRetard(a, activites.find((x) => x.activite === a.id), aujourdhui))
				.map((a) => a.libelle),
			lignesEnDepassement: lignesBudget.filter((l) => depassements.has(l.id)).map((l) => l.libelle)
		}),
		dates: dates.debut && dates.fin ? { ...dates, texte: duAu(dates.debut, dates.fin) } : null,
		rythmes: OPTIONS_RYTHMES,
		message: Number.isInteger(ajoutees) && ajoutees > 0 ? (ajoutees === 1 ? 'Une période a été ajoutée.' : `${ajoutees} périodes ont été ajoutées.`) : event.url.searchParams.has('supprimee') ? 'La période a été supprimée.' : null
	};
};

export const actions: Actions = { decouper: decouperLaPeriode, ajouter: ajouterUnePeriode, supprimer };
