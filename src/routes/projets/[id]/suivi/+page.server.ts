import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { lireSuivi } from '#lib/server/suivi/lecture.ts';
import { ajouterUnePeriode, datesDuProjet, decouperLaPeriode, OPTIONS_RYTHMES, supprimer } from '#lib/server/suivi/periodes/actions.ts';
import { duAu } from '#lib/server/suivi/periodes/regles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [suivi, dates] = await Promise.all([lireSuivi(db(), projet.id, acteur.fuseau), datesDuProjet(projet.id)]);
	// Per period: the series expected (typed indicators × their sides) and the values by state.
	const attendues = suivi.indicateurs.filter((i) => i.type !== '').reduce((n, i) => n + i.cotes.length, 0);
	const etat = (p: (typeof suivi.periodes)[number]) => {
		const siennes = suivi.valeurs.filter((v) => v.periodeId === p.id);
		const n = (statut: string) => siennes.filter((v) => v.statut === statut).length;
		const tenue = siennes.length > 0 || suivi.rapports.some((r) => r.periodeId === p.id) || suivi.depenses.some((d) => d.periodeId === p.id);
		return { attendues, saisies: siennes.length, tenue, validees: n('validee'), soumises: n('soumise'), renvoyees: n('renvoyee'), brouillons: n('brouillon'), verrouillee: p.verrouilleeLe !== null };
	};
	const ajoutees = Number(event.url.searchParams.get('ajoutees'));
	return {
		projet: { id: projet.id, titre: projet.titre },
		organiser: peut(acteur, 'organiser-suivi', { type: 'projet', role, public: projet.public }),
		periodes: suivi.periodes.map((p) => ({ id: p.id, libelle: p.libelle, debut: p.debut, fin: p.fin, etat: etat(p) })),
		tableau: suivi.tableau,
		avertissements: suivi.avertissements,
		dates: dates.debut && dates.fin ? { ...dates, texte: duAu(dates.debut, dates.fin) } : null,
		rythmes: OPTIONS_RYTHMES,
		message: Number.isInteger(ajoutees) && ajoutees > 0 ? (ajoutees === 1 ? 'Une période a été ajoutée.' : `${ajoutees} périodes ont été ajoutées.`) : event.url.searchParams.has('supprimee') ? 'La période a été supprimée.' : null
	};
};

export const actions: Actions = { decouper: decouperLaPeriode, ajouter: ajouterUnePeriode, supprimer };
