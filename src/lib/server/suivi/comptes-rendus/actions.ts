// The narrative report's forms on the period page: written by contributors on either side,
// validated or returned by the pilot.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../../demarrage.ts';
import { COTES_SUIVI, type CoteSuivi } from '../../db/schema.ts';
import { projetPour } from '../../projets/actions.ts';
import { champs } from '../../validation/formulaire.ts';
import { identifiant } from '../../validation/identifiant.ts';
import { MESSAGES, periodePour } from '../valeurs/actions.ts';
import { deciderCompteRendu, enregistrerCompteRendu } from './base.ts';
import { lireCompteRendu } from './regles.ts';

export async function rediger(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'saisir-valeurs');
	const periode = await periodePour(projet.id, event.params.periode);
	const saisie = champs(await event.request.formData());
	const cote = COTES_SUIVI.find((c) => c === saisie.cote) as CoteSuivi | undefined;
	const cle = `compte-rendu.${cote ?? ''}`;
	const versionLue = identifiant(saisie.version, { zero: true });
	if (!cote || versionLue === undefined) return fail(400, { cle, erreurs: { formulaire: 'Le formulaire est incomplet : rechargez la page.' }, valeurs: saisie });
	const lecture = lireCompteRendu(saisie);
	if (!lecture.ok) return fail(400, { cle, erreurs: lecture.erreurs, valeurs: saisie });
	const r = await enregistrerCompteRendu(db(), { projetId: projet.id, periodeId: periode.id, cote, contenu: lecture.contenu, soumettre: saisie.intention === 'soumettre', versionLue, auteurId: acteur.id });
	if (!r.ok) return fail(409, { cle, erreurs: { formulaire: r.raison === 'validee' ? 'Ce compte rendu est validé : un pilote doit le renvoyer pour qu’il soit modifié.' : r.raison === 'conflit' ? 'Quelqu’un a modifié ce compte rendu entre-temps. Votre texte est gardé dans le formulaire : relisez le sien, puis enregistrez de nouveau.' : MESSAGES[r.raison] }, valeurs: saisie });
	redirect(303, `/projets/${projet.id}/suivi/${periode.id}?${r.statut === 'soumise' ? 'rapport-soumis' : 'rapport-brouillon'}=${cle}#compte-rendu-${cote}`);
}

export async function deciderRapport(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'valider-valeurs');
	const periode = await periodePour(projet.id, event.params.periode);
	const saisie = champs(await event.request.formData());
	const id = identifiant(saisie.compteRendu);
	const versionLue = identifiant(saisie.version);
	const cote = COTES_SUIVI.find((c) => c === saisie.cote) ?? '';
	const cle = `compte-rendu.${cote}`;
	const decision = saisie.decision === 'valider' ? 'valider' : saisie.decision === 'renvoyer' ? 'renvoyer' : null;
	if (!id || !versionLue || !decision) return fail(400, { cle, erreurs: { formulaire: 'Le formulaire est incomplet : rechargez la page.' }, valeurs: saisie });
	const note = (saisie.note ?? '').trim();
	if (decision === 'renvoyer' && !note) return fail(400, { cle, erreurs: { note: 'Dites en une phrase pourquoi vous renvoyez ce compte rendu : la personne qui l’a écrit lira cette note.' }, valeurs: saisie });
	if (note.length > 2000) return fail(400, { cle, erreurs: { note: `2 000 caractères au plus (${note.length} saisis).` }, valeurs: saisie });
	const r = await deciderCompteRendu(db(), { projetId: projet.id, periodeId: periode.id, compteRenduId: id, decision, note, versionLue, auteurId: acteur.id });
	if (!r.ok) return fail(r.raison === 'absente' ? 404 : 409, { cle, erreurs: { formulaire: r.raison === 'absente' ? 'Ce compte rendu n’existe pas, ou plus.' : MESSAGES[r.raison] }, valeurs: saisie });
	redirect(303, `/projets/${projet.id}/suivi/${periode.id}?${r.statut === 'validee' ? 'rapport-valide' : 'rapport-renvoye'}=${cle}#compte-rendu-${cote}`);
}
