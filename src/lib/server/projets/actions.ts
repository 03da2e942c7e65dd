// What the project pages do. Each function asks the policy module with the acting account's
// role on the project first, then validates, then writes; refusals and messages are French.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { LIBELLES_ROLES_PROJET } from '#lib/projets/roles.ts';
import { listesDuProjet } from '#lib/projets/liens.ts';
import { lignes, section as sectionDe, type Donnees } from '#lib/projets/sections.ts';
import { formaterDateHeure } from '#lib/dates.ts';
import { adresseDesLiens } from '../comptes/auth.ts';
import { compteDeLAdresse } from '../comptes/compte.ts';
import { courrielAction, envoyerCourriel } from '../comptes/courriel.ts';
import { journaliser } from '../comptes/journal.ts';
import { compter, messageAttente } from '../comptes/limites.ts';
import { champs, erreursDe } from '../validation/formulaire.ts';
import { db } from '../demarrage.ts';
import { ROLES_PROJET, utilisateurs, type RoleProjet } from '../db/schema.ts';
import { roleDans } from '../organisations/organisations.ts';
import { autoriser, estConnecte, type Acteur, type Action } from '../policies/index.ts';
import {
	accepterInvitationProjet,
	ajouterAuProjet,
	changerRoleProjet,
	commentaire as commentaireDe,
	commenter as ajouterCommentaire,
	creerInvitationProjet,
	creerProjet,
	enregistrerSection,
	etatSection,
	equipeDuProjet,
	invitationProjetParJeton,
	membresAjoutables,
	projetParId,
	rendrePublic,
	retirerDuProjet,
	revision,
	revoquerInvitationProjet,
	roleSurProjet,
	sectionsDuProjet,
	supprimerCommentaire as retirerCommentaire
} from './projets.ts';
import { mettreANiveau } from './mise-a-niveau.ts';
import { listes } from './references.ts';
import { actionDeTableau, changements, lireSection, sansLaLigne, sansLiensPerdus } from './saisie.ts';
import { adresseClient } from '../securite/adresse.ts';
import { identifiant } from '../validation/identifiant.ts';
import { avecArticle, de } from '../../francais.ts';

export { LIBELLES_ROLES_PROJET };

export function connecte(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) redirect(303, `/connexion?suite=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return acteur;
}

const idProjet = (brut: string | undefined) => identifiant(brut) ?? error(404, 'Page introuvable');

async function projetEtRole(event: Pick<RequestEvent, 'locals' | 'params'>, acteur: Acteur) {
	const projet = await projetParId(db(), idProjet(event.params.id));
	if (!projet) error(404, 'Page introuvable');
	return { projet, role: await roleSurProjet(db(), projet.id, estConnecte(acteur) ? acteur.id : undefined) };
}

/**
 * The project of the address and the signed-in actor's role on it, once the policy allowed
 * the action. A project one is not in answers 404: its existence is private to its team.
 */
export async function projetPour(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>, action: Exclude<Action, 'lire-resume'>) {
	const acteur = connecte(event);
	const { projet, role } = await projetEtRole(event, acteur);
	autoriser(acteur, action, { type: 'projet', role, public: projet.public });
	return { projet, role, acteur };
}

/** The project home: its team sees the workspace, anyone its summary once public. */
export async function resumePour(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const acteur = event.locals.acteur;
	const projet = await projetParId(db(), idProjet(event.params.id));
	// A visitor is asked to sign in whether the project is private or does not exist.
	if (!projet?.public && !estConnecte(acteur)) connecte(event);
	if (!projet) error(404, 'Page introuvable');
	const role = await roleSurProjet(db(), projet.id, estConnecte(acteur) ? acteur.id : undefined);
	autoriser(acteur, 'lire-resume', { type: 'projet', role, public: projet.public });
	return { projet, role, acteur };
}

export function sectionPour(slug: string | undefined) {
	const s = slug ? sectionDe(slug) : undefined;
	if (!s) error(404, 'Page introuvable');
	return s;
}

const schemaCreation = z.object({
	titre: z
		.string()
		.trim()
		.min(1, 'Indiquez le titre du projet.')
		.max(200, 'Le titre ne peut dépasser 200 caractères.')
		.refine((v) => !/[\p{Cc}]/u.test(v), 'Le titre ne peut contenir de caractères de contrôle.'),
	organisation: z.string().regex(/^\d+$/, 'Choisissez l’organisation qui porte le projet.')
});

export async function creer(event: RequestEvent) {
	const acteur = connecte(event);
	autoriser(acteur, 'creer', { type: 'projets' });
	const saisie = champs(await event.request.formData());
	const v = schemaCreation.safeParse(saisie);
	if (!v.success) return fail(400, { valeurs: saisie, erreurs: erreursDe(v.error.issues) });
	// The porteur must be one of the creator's organisations.
	const organisationId = identifiant(v.data.organisation);
	if (!organisationId || !(await roleDans(db(), organisationId, acteur.id))) return fail(400, { valeurs: saisie, erreurs: { organisation: 'Choisissez une de vos organisations.' } });
	const p = await creerProjet(db(), { organisationId, titre: v.data.titre }, acteur.id);
	redirect(303, `/projets/${p.id}?cree`);
}

/**
 * Saves a section, or keeps what was typed and explains: errors, or someone saved meanwhile.
 * A table's « Ajouter une ligne » saves too and comes back with one more empty row, focused;
 * « Supprimer la ligne » saves without that row. Each lands on what it did (URL fragment).
 */
export async function enregistrer(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'modifier');
	const s = sectionPour(event.params.section);
	const envoye = await event.request.formData();
	const { ajouter, supprimer } = actionDeTableau(s, envoye);
	const form = supprimer ? sansLaLigne(envoye, supprimer.tableau, supprimer.ligne) : envoye;
	const versionLue = identifiant(form.get('_version'), { zero: true }) ?? -1;
	const ajout = ajouter ?? null;
	const { valides } = await listes(db());
	const lecture = lireSection(s, form, valides);
	if (!lecture.ok) return fail(400, { valeurs: lecture.valeurs, erreurs: lecture.erreurs, version: versionLue, ajout });
	if (versionLue < 0) return fail(400, { valeurs: lecture.donnees, erreurs: { formulaire: 'Le formulaire est incomplet : rechargez la page.' }, version: 0, ajout });
	const autres = Object.fromEntries(Object.entries(await sectionsDuProjet(db(), projet.id)).map(([slug, e]) => [slug, e.donnees]));
	lecture.donnees = sansLiensPerdus(s, lecture.donnees, listesDuProjet({ ...autres, [s.slug]: lecture.donnees }));
	const ici = `/projets/${projet.id}/${s.slug}`;
	// The new row's first field: the fragment scrolls to it and focuses it, without JavaScript.
	const versLaLigne = (tableau: string) => {
		const c = s.champs.find((x) => x.nom === tableau);
		const n = lignes(lecture.donnees, tableau).length;
		return c?.type === 'tableau' ? `#champ-${tableau}.${n}.${c.colonnes[0]!.nom}` : '';
	};
	// Adding a row to an unchanged section writes no version.
	if (ajouter && !changements(s, (await etatSection(db(), projet.id, s.slug)).donnees, lecture.donnees).length) redirect(303, `${ici}?ajout=${ajouter}${versLaLigne(ajouter)}`);
	const r = await enregistrerSection(db(), { projetId: projet.id, section: s, donnees: lecture.donnees, versionLue, auteurId: acteur.id });
	if (!r.ok) {
		return fail(409, {
			valeurs: lecture.donnees,
			erreurs: {},
			// Saving again replaces the other version knowingly: the form now carries its number.
			version: r.actuel.version,
			ajout,
			conflit: { donnees: r.actuel.donnees, auteur: r.actuel.modifiePar ?? 'un autre membre de l’équipe', le: r.actuel.modifieLe?.toISOString() ?? null }
		});
	}
	if (ajouter) redirect(303, `${ici}?enregistre=${r.version}&ajout=${ajouter}${versLaLigne(ajouter)}`);
	redirect(303, `${ici}?enregistre=${r.version}${supprimer ? `&supprime=${supprimer.tableau}` : ''}#message-section`);
}

const schemaCommentaire = z.object({
	texte: z.string().trim().min(1, 'Écrivez votre commentaire.').max(5000, 'Un commentaire ne peut dépasser 5 000 caractères.')
});

/** A comment on a section; the rest of the team is told by mail. */
export async function commenter(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'commenter');
	const s = sectionPour(event.params.section);
	const saisie = champs(await event.request.formData());
	const v = schemaCommentaire.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'commentaire', commentaire: saisie.texte ?? '', erreurs: erreursDe(v.error.issues) });
	const attente = await compter('commentaire', { ip: adresseClient(event), courriel: acteur.courriel });
	if (attente > 0) return fail(429, { formulaire: 'commentaire', commentaire: v.data.texte, erreurs: { texte: messageAttente(attente) } });
	await ajouterCommentaire(db(), { projetId: projet.id, section: s.slug, auteurId: acteur.id, texte: v.data.texte });
	const url = `${adresseDesLiens(event.url)}/projets/${projet.id}/${s.slug}#commentaires`;
	const autres = (await equipeDuProjet(db(), projet.id)).filter((m) => m.id !== acteur.id);
	const maintenant = new Date();
	await Promise.all(
		autres.map((m) =>
			envoyerCourriel(
				courrielAction({
					a: m.courriel,
					nom: m.nom,
					sujet: `${projet.titre} — nouveau commentaire sur « ${s.titre} »`,
					paragraphes: [
						`${acteur.nom} a commenté la section « ${s.titre} » du projet « ${projet.titre} », le ${formaterDateHeure(maintenant, m.fuseau, 'complete')} :`,
						v.data.texte.length > 600 ? `${v.data.texte.slice(0, 600)}…` : v.data.texte
					],
					action: { libelle: 'Lire et répondre', url },
					fin: 'Vous recevez ce message parce que vous faites partie de l’équipe de ce projet sur Terrinclus.'
				})
			).catch((e: unknown) => console.error('Commentaire : courriel non envoyé', e))
		)
	);
	redirect(303, `/projets/${projet.id}/${s.slug}?commente#message-commentaires`);
}

/** Deletes a comment: its author may, and a pilote any of the project's. */
export async function supprimerCommentaire(event: RequestEvent) {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const s = sectionPour(event.params.section);
	const c = await commentaireDe(db(), projet.id, s.slug, identifiant(champs(await event.request.formData()).commentaire) ?? 0);
	if (!c) return fail(404, { formulaire: 'commentaires', erreur: 'Ce commentaire n’existe pas ou a déjà été supprimé.' });
	autoriser(acteur, 'supprimer', { type: 'commentaire', role, sien: c.auteurId === acteur.id });
	await retirerCommentaire(db(), c.id);
	redirect(303, `/projets/${projet.id}/${s.slug}?commentaire-supprime#message-commentaires`);
}

/** Restores an earlier version of a section as a new version (nothing is overwritten). */
export async function restaurer(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'modifier');
	const saisie = champs(await event.request.formData());
	const r = await revision(db(), projet.id, identifiant(saisie.revision) ?? 0);
	if (!r) return fail(404, { erreur: 'Cette version n’existe pas.' });
	const versionLue = identifiant(saisie.version, { zero: true });
	if (versionLue === undefined) return fail(400, { erreur: 'Le formulaire est incomplet : rechargez la page.' });
	const s = sectionPour(r.section);
	// A version from before the linked logical framework comes back in today's shape.
	const actuelles = Object.fromEntries(Object.entries(await sectionsDuProjet(db(), projet.id)).map(([slug, e]) => [slug, e.donnees]));
	const { sections, modifiees } = mettreANiveau({ ...actuelles, [s.slug]: r.donnees as Donnees });
	const donnees = sansLiensPerdus(s, sections[s.slug]!, listesDuProjet(sections));
	const r2 = await enregistrerSection(db(), { projetId: projet.id, section: s, donnees, versionLue, auteurId: acteur.id, restaure: r.version });
	if (!r2.ok) return fail(409, { erreur: `La section « ${s.titre} » a été modifiée entre-temps par ${r2.actuel.modifiePar ?? 'un autre membre'} : relisez l’historique avant de restaurer.` });
	// Activities named in the restored text and no longer in the list come back to it, so that no name is lost.
	if (s.slug !== 'calendrier' && modifiees.includes('calendrier')) {
		const calendrier = sectionDe('calendrier')!;
		const actuel = await etatSection(db(), projet.id, 'calendrier');
		await enregistrerSection(db(), { projetId: projet.id, section: calendrier, donnees: sections.calendrier!, versionLue: actuel.version, auteurId: acteur.id });
	}
	redirect(303, `/projets/${projet.id}/${s.slug}?restaure=${r.version}#message-section`);
}

export async function publier(event: RequestEvent) {
	const { projet } = await projetPour(event, 'gerer-equipe');
	const saisie = champs(await event.request.formData());
	await rendrePublic(db(), projet.id, saisie.public === 'oui');
	redirect(303, `/projets/${projet.id}?${saisie.public === 'oui' ? 'publie' : 'prive'}`);
}

// ——— Team ———

const schemaInvitation = z.object({
	courriel: z.string().trim().min(1, 'Indiquez l’adresse électronique de la personne.').max(254, 'Cette adresse est trop longue.').pipe(z.email({ error: 'Cette adresse électronique n’est pas valide.' })).transform((v) => v.toLowerCase()),
	role: z.enum(ROLES_PROJET, { error: 'Choisissez un rôle dans la liste.' })
});

export async function inviter(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'gerer-equipe');
	const saisie = champs(await event.request.formData());
	const v = schemaInvitation.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'invitation', valeurs: saisie, erreurs: erreursDe(v.error.issues) });
	const attente = await compter('invitation', { ip: adresseClient(event), courriel: acteur.courriel });
	if (attente > 0) return fail(429, { formulaire: 'invitation', valeurs: saisie, erreurs: { formulaire: messageAttente(attente) } });
	const r = await creerInvitationProjet(db(), { projetId: projet.id, courriel: v.data.courriel, role: v.data.role, invitePar: acteur.id });
	if (!r.ok) {
		const refus = {
			'soi-meme': 'C’est votre propre adresse : vous faites déjà partie de l’équipe du projet.',
			'deja-membre': `${v.data.courriel} fait déjà partie de l’équipe du projet.`,
			'deja-invite': `Une invitation est déjà en attente pour ${v.data.courriel}${'expireLe' in r ? `, valable jusqu’au ${formaterDateHeure(r.expireLe, acteur.fuseau)}` : ''}. Pour en envoyer une nouvelle, révoquez d’abord celle-ci.`
		}[r.raison];
		return fail(409, { formulaire: 'invitation', valeurs: saisie, erreurs: { courriel: refus } });
	}
	const jeton = r.jeton;
	await envoyerCourriel(
		courrielAction({
			a: v.data.courriel,
			sujet: `Invitation au projet « ${projet.titre} » sur Terrinclus`,
			paragraphes: [
				`${acteur.nom} vous invite à construire avec son équipe le projet de coopération « ${projet.titre} », porté par ${avecArticle(projet.porteur)}, avec le rôle « ${LIBELLES_ROLES_PROJET[v.data.role]} ».`,
				'Terrinclus est le kit méthodologique de la coopération internationale pour l’inclusion : vous y remplirez ensemble, étape par étape, le dossier du projet.',
				`Ce lien est valable jusqu’au ${formaterDateHeure(r.expireLe, (await compteDeLAdresse(db(), v.data.courriel))?.fuseau, 'complete')} et ne sert qu’une fois. Si vous n’avez pas encore de compte, vous le créerez en l’ouvrant : cette adresse sera confirmée du même coup.`
			],
			action: { libelle: 'Voir l’invitation', url: `${adresseDesLiens(event.url)}/projets/invitations/${jeton}` },
			fin: 'Si vous ne connaissez pas cette personne, ignorez ce message.'
		})
	);
	await journaliser(db(), { evenement: 'invitation', utilisateurId: acteur.id, courriel: v.data.courriel, adresseIp: adresseClient(event), details: { projet: projet.id, role: v.data.role } });
	return { formulaire: 'invitation', fait: `Invitation envoyée à ${v.data.courriel}.` };
}

const role = (v: string | undefined): RoleProjet | undefined => (ROLES_PROJET as readonly string[]).includes(v ?? '') ? (v as RoleProjet) : undefined;

export async function ajouter(event: RequestEvent) {
	const { projet } = await projetPour(event, 'gerer-equipe');
	const saisie = champs(await event.request.formData());
	const r = role(saisie.role);
	const possibles = await membresAjoutables(db(), projet.id, projet.organisationId);
	if (!possibles.some((m) => m.id === saisie.membre)) return fail(400, { formulaire: 'ajout', erreurs: { membre: 'Choisissez une personne de la liste.' } });
	if (!r) return fail(400, { formulaire: 'ajout', erreurs: { role: 'Choisissez un rôle dans la liste.' } });
	await ajouterAuProjet(db(), projet.id, saisie.membre!, r);
	return { formulaire: 'ajout', fait: 'La personne a rejoint l’équipe du projet.' };
}

export async function changerRole(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'gerer-equipe');
	const saisie = champs(await event.request.formData());
	const r = role(saisie.role);
	if (!r) return fail(400, { formulaire: 'equipe', erreurs: { formulaire: 'Choisissez un rôle dans la liste.' } });
	const refus = await changerRoleProjet(db(), projet.id, saisie.membre ?? '', r);
	if (refus) return fail(400, { formulaire: 'equipe', erreurs: { formulaire: refus } });
	await journaliser(db(), { evenement: 'role-change', utilisateurId: acteur.id, cibleId: saisie.membre, details: { projet: projet.id, role: r } });
	return { formulaire: 'equipe', fait: 'Le rôle a été changé.' };
}

export async function retirer(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'gerer-equipe');
	const saisie = champs(await event.request.formData());
	const refus = await retirerDuProjet(db(), projet.id, saisie.membre ?? '');
	if (refus) return fail(400, { formulaire: 'equipe', erreurs: { formulaire: refus } });
	await journaliser(db(), { evenement: 'membre-retire', utilisateurId: acteur.id, cibleId: saisie.membre, details: { projet: projet.id } });
	return { formulaire: 'equipe', fait: 'La personne a été retirée de l’équipe.' };
}

export async function quitter(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'quitter');
	const refus = await retirerDuProjet(db(), projet.id, acteur.id);
	if (refus) return fail(400, { formulaire: 'quitter', erreurs: { formulaire: refus } });
	redirect(303, '/projets?quitte');
}

export async function revoquer(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'gerer-equipe');
	const saisie = champs(await event.request.formData());
	const r = await revoquerInvitationProjet(db(), projet.id, identifiant(saisie.invitation) ?? 0);
	if (!r) return fail(404, { formulaire: 'invitations', erreurs: { formulaire: 'Cette invitation n’existe pas ou a déjà été acceptée.' } });
	await journaliser(db(), { evenement: 'invitation-revoquee', utilisateurId: acteur.id, courriel: r.courriel, details: { projet: projet.id } });
	return { formulaire: 'invitations', fait: `L’invitation ${de(r.courriel)} a été révoquée.` };
}

export async function accepter(event: RequestEvent) {
	const acteur = connecte(event);
	const invitation = await invitationProjetParJeton(db(), event.params.jeton!);
	if (!invitation || invitation.etat !== 'valable') return fail(410, { erreur: 'Cette invitation n’est plus valable.' });
	const [moi] = await db().select({ courriel: utilisateurs.email }).from(utilisateurs).where(eq(utilisateurs.id, acteur.id));
	if (moi?.courriel.toLowerCase() !== invitation.courriel.toLowerCase()) return fail(403, { erreur: `Cette invitation a été envoyée à une autre adresse que la vôtre (${moi?.courriel}).` });
	const projetId = await accepterInvitationProjet(db(), invitation.id, acteur.id);
	if (!projetId) return fail(410, { erreur: 'Cette invitation n’est plus valable.' });
	await journaliser(db(), { evenement: 'invitation-acceptee', utilisateurId: acteur.id, courriel: invitation.courriel, details: { projet: projetId } });
	redirect(303, `/projets/${projetId}?bienvenue`);
}

