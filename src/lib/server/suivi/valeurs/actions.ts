// What the period page does with values: each action asks the policy module first, then reads
// the form, then writes; refusals come back in French beside the value, with what was typed.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '../../demarrage.ts';
import { suiviPeriodes, type CoteSuivi } from '../../db/schema.ts';
import { projetPour } from '../../projets/actions.ts';
import { etatSection } from '../../projets/projets.ts';
import { champs } from '../../validation/formulaire.ts';
import { identifiant } from '../../validation/identifiant.ts';
import { deciderValeur, enregistrerValeur, verrouillerPeriode, type Refus } from './base.ts';
import { indicateursDuCadre, lireValeur } from './regles.ts';

/** The period of the address, when it is one of the project's; 404 otherwise. */
export async function periodePour(projetId: number, brut: string | undefined) {
	const id = identifiant(brut) ?? error(404, 'Page introuvable');
	const [p] = await db()
		.select({ id: suiviPeriodes.id, libelle: suiviPeriodes.libelle, debut: suiviPeriodes.debut, fin: suiviPeriodes.fin, verrouilleeLe: suiviPeriodes.verrouilleeLe })
		.from(suiviPeriodes)
		.where(and(eq(suiviPeriodes.projetId, projetId), eq(suiviPeriodes.id, id)));
	return p ?? error(404, 'Page introuvable');
}

export const indicateursDuProjet = async (projetId: number) => indicateursDuCadre((await etatSection(db(), projetId, 'cadre-logique')).donnees);

export const MESSAGES: Record<Refus, string> = {
	'periode-absente': 'Cette période n’existe plus.',
	verrouillee: 'Cette période est verrouillée : un pilote doit la déverrouiller avant tout changement.',
	conflit: 'Quelqu’un a modifié cette valeur entre-temps : voici la sienne. Votre saisie est gardée dans le formulaire ; enregistrez-la de nouveau pour la remplacer.',
	validee: 'Cette valeur est validée : un pilote doit la renvoyer pour qu’elle soit modifiée.',
	absente: 'Cette valeur n’existe pas, ou plus.',
	statut: 'Cette valeur a changé d’état entre-temps : relisez-la avant de décider.'
};

const ancre = (indicateur: string, cote: string) => `valeur-${indicateur}-${cote}`;

/** Enters or changes a value, as a draft (« Enregistrer le brouillon ») or submitted (« Soumettre »). */
export async function saisir(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'saisir-valeurs');
	const periode = await periodePour(projet.id, event.params.periode);
	const saisie = champs(await event.request.formData());
	const indicateur = (await indicateursDuProjet(projet.id)).find((i) => i.id === saisie.indicateur);
	const cote = indicateur?.cotes.find((c) => c === saisie.cote) as CoteSuivi | undefined;
	if (!indicateur || !cote) return fail(400, { cle: '', erreurs: { formulaire: 'Cet indicateur n’existe pas, ou plus, dans le cadre logique : rechargez la page.' }, valeurs: saisie });
	const cle = `${indicateur.id}.${cote}`;
	const versionLue = identifiant(saisie.version, { zero: true });
	if (versionLue === undefined) return fail(400, { cle, erreurs: { formulaire: 'Le formulaire est incomplet : rechargez la page.' }, valeurs: saisie });
	const lecture = lireValeur(indicateur, saisie);
	if (!lecture.ok) return fail(400, { cle, erreurs: lecture.erreurs, valeurs: saisie });
	const r = await enregistrerValeur(db(), { projetId: projet.id, periodeId: periode.id, indicateur: indicateur.id, cote, contenu: lecture.contenu, soumettre: saisie.intention === 'soumettre', versionLue, auteurId: acteur.id });
	if (!r.ok) return fail(409, { cle, erreurs: { formulaire: MESSAGES[r.raison] }, valeurs: saisie });
	redirect(303, `/projets/${projet.id}/suivi/${periode.id}?${r.statut === 'soumise' ? 'soumise' : 'brouillon'}=${cle}#${ancre(indicateur.id, cote)}`);
}

/** The pilot validates a submitted value, or returns it with a note saying why. */
export async function decider(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'valider-valeurs');
	const periode = await periodePour(projet.id, event.params.periode);
	const saisie = champs(await event.request.formData());
	const valeurId = identifiant(saisie.valeur);
	const versionLue = identifiant(saisie.version);
	const cle = String(saisie.cle ?? '');
	const decision = saisie.decision === 'valider' ? 'valider' : saisie.decision === 'renvoyer' ? 'renvoyer' : null;
	if (!valeurId || !versionLue || !decision) return fail(400, { cle, erreurs: { formulaire: 'Le formulaire est incomplet : rechargez la page.' }, valeurs: saisie });
	const note = (saisie.note ?? '').trim();
	if (decision === 'renvoyer' && !note) return fail(400, { cle, erreurs: { note: 'Dites en une phrase pourquoi vous renvoyez cette valeur : la personne qui l’a saisie lira cette note.' }, valeurs: saisie });
	if (note.length > 2000) return fail(400, { cle, erreurs: { note: `2 000 caractères au plus (${note.length} saisis).` }, valeurs: saisie });
	const r = await deciderValeur(db(), { projetId: projet.id, periodeId: periode.id, valeurId, decision, note, versionLue, auteurId: acteur.id });
	if (!r.ok) return fail(r.raison === 'absente' ? 404 : 409, { cle, erreurs: { formulaire: MESSAGES[r.raison] }, valeurs: saisie });
	const [indicateur, cote] = cle.split('.');
	redirect(303, `/projets/${projet.id}/suivi/${periode.id}?${r.statut}=${encodeURIComponent(cle)}${indicateur && cote ? `#${ancre(indicateur, cote)}` : ''}`);
}

/** Locks the period once its values are validated, or unlocks it. */
export async function verrouiller(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'valider-valeurs');
	const periode = await periodePour(projet.id, event.params.periode);
	const oui = champs(await event.request.formData()).verrouiller === 'oui';
	const series = (await indicateursDuProjet(projet.id)).filter((i) => i.type !== '').flatMap((i) => i.cotes.map((cote) => ({ indicateur: i.id, cote })));
	const r = await verrouillerPeriode(db(), { projetId: projet.id, periodeId: periode.id, verrouiller: oui, auteurId: acteur.id, series });
	if (!r.ok) {
		const message = r.raison === 'en-attente' ? `${r.n === 1 ? 'Une valeur ou un compte rendu n’est' : `${r.n} valeurs ou comptes rendus ne sont`} pas encore ${r.n === 1 ? 'validé' : 'validés'} : faites-les soumettre, puis validez-les ou renvoyez-les, avant de verrouiller la période.` : MESSAGES['periode-absente'];
		return fail(409, { cle: 'verrou', erreurs: { formulaire: message }, valeurs: {} });
	}
	redirect(303, `/projets/${projet.id}/suivi/${periode.id}?${oui ? 'verrouillee' : 'deverrouillee'}#message-periode`);
}
