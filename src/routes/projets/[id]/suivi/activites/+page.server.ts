import { jourDans } from '#lib/dates.ts';
import { lignes } from '#lib/projets/sections.ts';
import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { etatSection } from '#lib/server/projets/projets.ts';
import { jalon, suivre } from '#lib/server/suivi/activites/actions.ts';
import { jalonsAtteints, suiviDesActivites } from '#lib/server/suivi/activites/base.ts';
import { activitesPrevues, estEnRetard, friseSuivie, LIBELLES_STATUT_ACTIVITE, OPTIONS_STATUT_ACTIVITE } from '#lib/server/suivi/activites/regles.ts';
import { preuvesDeLaPage } from '#lib/server/fichiers/preuves/actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [calendrier, suivis, atteints, preuves] = await Promise.all([etatSection(db(), projet.id, 'calendrier'), suiviDesActivites(db(), projet.id), jalonsAtteints(db(), projet.id), preuvesDeLaPage(event, projet.id, role, acteur, ['activite', 'jalon'])]);
	const aujourdhui = jourDans(acteur.fuseau);
	const activites = activitesPrevues(calendrier.donnees).map((a) => {
		const s = suivis.find((x) => x.activite === a.id);
		return { ...a, suivi: s ? { statut: s.statut, debutReel: s.debutReel, finReelle: s.finReelle, commentaire: s.commentaire, version: s.version, auteur: s.auteur, modifieLe: s.modifieLe, libelleStatut: LIBELLES_STATUT_ACTIVITE[s.statut] } : undefined, enRetard: estEnRetard(a, s, aujourdhui) };
	});
	const jalons = lignes(calendrier.donnees, 'jalons')
		.filter((l) => typeof l.id === 'string' && typeof l.jalon === 'string' && l.jalon)
		.map((l) => {
			const a = atteints.find((x) => x.jalon === l.id);
			return { id: l.id as string, libelle: l.jalon as string, date: typeof l.date === 'string' ? l.date : '', activite: activites.find((x) => x.id === l.activite)?.libelle ?? '', atteintLe: a?.atteintLe ?? null, commentaire: a?.commentaire ?? '' };
		});
	const q = event.url.searchParams;
	return {
		projet: { id: projet.id, titre: projet.titre },
		activites,
		jalons,
		frise: friseSuivie(activites, aujourdhui),
		aujourdhui,
		statuts: OPTIONS_STATUT_ACTIVITE,
		preuves,
		peutSaisir: peut(acteur, 'saisir-valeurs', { type: 'projet', role, public: projet.public }),
		message: q.has('suivie') ? { cle: q.get('suivie')!, texte: 'L’avancement de l’activité est enregistré.' } : q.has('jalon') ? { cle: q.get('jalon')!, texte: 'Le jalon est mis à jour.' } : null
	};
};

export const actions: Actions = { suivre, jalon };
