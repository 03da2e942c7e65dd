import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { periodesDuProjet } from '#lib/server/suivi/periodes/base.ts';
import { ajouterUnePeriode, datesDuProjet, decouperLaPeriode, OPTIONS_RYTHMES, supprimer } from '#lib/server/suivi/periodes/actions.ts';
import { duAu } from '#lib/server/suivi/periodes/regles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [periodes, dates] = await Promise.all([periodesDuProjet(db(), projet.id), datesDuProjet(projet.id)]);
	const ajoutees = Number(event.url.searchParams.get('ajoutees'));
	return {
		projet: { id: projet.id, titre: projet.titre },
		organiser: peut(acteur, 'organiser-suivi', { type: 'projet', role, public: projet.public }),
		periodes,
		dates: dates.debut && dates.fin ? { ...dates, texte: duAu(dates.debut, dates.fin) } : null,
		rythmes: OPTIONS_RYTHMES,
		message: Number.isInteger(ajoutees) && ajoutees > 0 ? (ajoutees === 1 ? 'Une période a été ajoutée.' : `${ajoutees} périodes ont été ajoutées.`) : event.url.searchParams.has('supprimee') ? 'La période a été supprimée.' : null
	};
};

export const actions: Actions = { decouper: decouperLaPeriode, ajouter: ajouterUnePeriode, supprimer };
