// The activities' follow-up page: contributors and pilots say how each activity goes and
// which milestones were reached.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { estJour, jourDans } from '#lib/dates.ts';
import { lignes } from '#lib/projets/sections.ts';
import { db } from '../../demarrage.ts';
import { projetPour } from '../../projets/actions.ts';
import { etatSection } from '../../projets/projets.ts';
import { champs } from '../../validation/formulaire.ts';
import { identifiant } from '../../validation/identifiant.ts';
import { enregistrerAvancement, marquerJalon } from './base.ts';
import { activitesPrevues, lireAvancement } from './regles.ts';

const ICI = (id: number) => `/projets/${id}/suivi/activites`;

export async function suivre(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'saisir-valeurs');
	const saisie = champs(await event.request.formData());
	const activite = activitesPrevues((await etatSection(db(), projet.id, 'calendrier')).donnees).find((a) => a.id === saisie.activite);
	if (!activite) return fail(400, { cle: '', erreurs: { formulaire: 'Cette activité n’existe pas, ou plus, dans « Activités et calendrier » : rechargez la page.' }, valeurs: saisie });
	const cle = `activite.${activite.id}`;
	const versionLue = identifiant(saisie.version, { zero: true });
	if (versionLue === undefined) return fail(400, { cle, erreurs: { formulaire: 'Le formulaire est incomplet : rechargez la page.' }, valeurs: saisie });
	const lecture = lireAvancement(saisie, jourDans(acteur.fuseau));
	if (!lecture.ok) return fail(400, { cle, erreurs: lecture.erreurs, valeurs: saisie });
	const r = await enregistrerAvancement(db(), { projetId: projet.id, activite: activite.id, avancement: lecture.avancement, versionLue, auteurId: acteur.id });
	if (!r.ok) return fail(409, { cle, erreurs: { formulaire: 'Quelqu’un a mis à jour cette activité entre-temps : relisez son état, votre saisie est gardée dans le formulaire.' }, valeurs: saisie });
	redirect(303, `${ICI(projet.id)}?suivie=${encodeURIComponent(cle)}#activite-${activite.id}`);
}

export async function jalon(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'saisir-valeurs');
	const saisie = champs(await event.request.formData());
	const j = lignes((await etatSection(db(), projet.id, 'calendrier')).donnees, 'jalons').find((l) => typeof l.id === 'string' && l.id === saisie.jalon);
	if (!j) return fail(400, { cle: '', erreurs: { formulaire: 'Ce jalon n’existe pas, ou plus, dans « Activités et calendrier » : rechargez la page.' }, valeurs: saisie });
	const cle = `jalon.${j.id}`;
	const atteint = saisie.atteint === 'non' ? null : (saisie.atteintLe ?? '').trim();
	if (atteint !== null) {
		if (!estJour(atteint)) return fail(400, { cle, erreurs: { atteintLe: 'Indiquez la date à laquelle le jalon a été atteint (jj/mm/aaaa).' }, valeurs: saisie });
		if (atteint > jourDans(acteur.fuseau)) return fail(400, { cle, erreurs: { atteintLe: 'Un jalon atteint l’a été aujourd’hui au plus tard.' }, valeurs: saisie });
	}
	const commentaire = (saisie.commentaire ?? '').trim();
	if (commentaire.length > 500) return fail(400, { cle, erreurs: { commentaire: `500 caractères au plus (${commentaire.length} saisis).` }, valeurs: saisie });
	await marquerJalon(db(), { projetId: projet.id, jalon: j.id as string, atteintLe: atteint, commentaire, auteurId: acteur.id });
	redirect(303, `${ICI(projet.id)}?jalon=${encodeURIComponent(cle)}#jalon-${j.id}`);
}

