// What the routes of evidence do: add a file or a link (streamed, checked, scanned, stored once
// per project), download a file or its preview, remove. Each asks the policy module first; a
// refusal goes back to the page it came from with a French message and the typed title.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { formaterDateHeure } from '#lib/dates.ts';
import { lignes } from '#lib/projets/sections.ts';
import { db } from '../../demarrage.ts';
import { CIBLES_PREUVE, COTES_SUIVI, evaluations, evaluationsConstats, type CiblePreuve, type RoleProjet } from '../../db/schema.ts';
import { autoriser, peut, type Acteur } from '../../policies/index.ts';
import { projetPour } from '../../projets/actions.ts';
import { etatSection } from '../../projets/projets.ts';
import { activitesPrevues } from '../../suivi/activites/regles.ts';
import { indicateursDuProjet } from '../../suivi/valeurs/actions.ts';
import { identifiant } from '../../validation/identifiant.ts';
import { configurationClamd, tailleMax } from '../configuration.ts';
import { analyser, type Verdict } from '../contenu/analyse.ts';
import { apercuDe } from '../contenu/apercu.ts';
import { estImage, libelleDuGenre, natureDuFichier, type Nature } from '../contenu/type.ts';
import { stockage, stockageActif } from '../stockage/index.ts';
import { ajouterFichier, ajouterLien, attacherExistant, preuvesDuProjet, retirerPreuve, unePreuve, type Contenu, type NouvellePreuve, type PreuveLue } from './base.ts';
import { recevoir, type FichierRecu } from './reception.ts';

const mo = (octets: number) => `${Math.round((octets / 1024 / 1024) * 10) / 10}`.replace('.', ',');

export const TITRE_MAX = 200;
const LIEN_MAX = 2000;

/** The refusals, in French; the kind a file turned out to be completes « discordant ». */
export function messageDeRefus(code: string, detail = ''): string {
	const messages: Record<string, string> = {
		illisible: 'Le formulaire envoyé est illisible : rechargez la page et réessayez.',
		invalide: 'Le formulaire contient un caractère invalide (caractère nul) : rien n’a été enregistré.',
		'trop-gros': `Le fichier dépasse ${mo(tailleMax())} Mo, la taille maximale : réduisez-le (une photo moins grande, un PDF compressé), ou déposez-le ailleurs et ajoutez son lien.`,
		vide: 'Le fichier choisi est vide : choisissez-le de nouveau.',
		rien: 'Choisissez un fichier, ou donnez l’adresse d’un lien.',
		'les-deux': 'Choisissez un fichier ou donnez un lien, pas les deux à la fois.',
		lien: 'Ce lien n’est pas une adresse web : elle commence par https:// ou http://.',
		titre: `Le titre est trop long (${TITRE_MAX} caractères au plus).`,
		inconnu: 'Ce type de fichier n’est pas accepté : envoyez un PDF, un document Word, Excel, PowerPoint ou LibreOffice, une image (JPEG, PNG, WebP, GIF, HEIC, SVG) ou un texte (TXT, CSV).',
		discordant: `Le contenu de ce fichier ne correspond pas à son extension : c’est ${detail || 'un autre type de fichier'}. Renommez-le avec la bonne extension, ou choisissez le bon fichier.`,
		archive: 'Ce document se décompresse en beaucoup trop de données pour un document ordinaire (c’est peut-être une « bombe de décompression ») : il n’est pas accepté.',
		verrouillee: 'Cette période est verrouillée : un pilote doit la déverrouiller avant d’y ajouter ou d’en retirer une preuve.',
		'periode-absente': 'Cette période n’existe plus.',
		cible: 'Ce à quoi vous vouliez joindre cette preuve n’existe plus.',
		absente: 'Cette preuve n’existe pas, ou a déjà été retirée.'
	};
	return messages[code] ?? messages.illisible!;
}

/** The page to go back to: a path of this project, nothing else (no open redirect). */
function retourSur(projetId: number, brut: string | undefined): string {
	const chemin = brut ?? '';
	return new RegExp(`^/projets/${projetId}(/[A-Za-z0-9_-]+)*$`).test(chemin) ? chemin : `/projets/${projetId}/suivi`;
}

const ancre = (cible: string, cibleId: string) => `preuves-${cible}-${cibleId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function retourner(retour: string, cible: string, cibleId: string, params: Record<string, string>): never {
	const q = new URLSearchParams({ 'preuve-pour': `${cible}:${cibleId}`, ...params });
	redirect(303, `${retour}?${q}#${ancre(cible, cibleId)}`);
}

/** Whether `cibleId` names something of this project that evidence can be attached to; its period for values and reports. */
async function cibleDuProjet(projetId: number, cible: CiblePreuve, cibleId: string): Promise<{ periodeId: number | null } | null> {
	if (cible === 'valeur' || cible === 'compte-rendu') {
		const [periode, ...reste] = cibleId.split('/');
		const periodeId = identifiant(periode);
		if (periodeId === undefined) return null;
		const cote = reste.at(-1);
		if (!(COTES_SUIVI as readonly string[]).includes(cote ?? '')) return null;
		if (cible === 'compte-rendu') return reste.length === 1 ? { periodeId } : null;
		if (reste.length !== 2) return null;
		const ind = (await indicateursDuProjet(projetId)).find((i) => i.id === reste[0]);
		return ind && (ind.cotes as readonly string[]).includes(cote!) ? { periodeId } : null;
	}
	if (cible === 'activite' || cible === 'jalon') {
		const calendrier = (await etatSection(db(), projetId, 'calendrier')).donnees;
		const existe = cible === 'activite' ? activitesPrevues(calendrier).some((a) => a.id === cibleId) : lignes(calendrier, 'jalons').some((l) => l.id === cibleId);
		return existe ? { periodeId: null } : null;
	}
	const id = identifiant(cibleId);
	if (id === undefined) return null;
	const [c] = await db().select({ id: evaluationsConstats.id }).from(evaluationsConstats).innerJoin(evaluations, eq(evaluations.id, evaluationsConstats.evaluationId)).where(and(eq(evaluations.projetId, projetId), eq(evaluationsConstats.id, id)));
	return c ? { periodeId: null } : null;
}

const estLien = (s: string) => {
	try {
		const u = new URL(s);
		return (u.protocol === 'https:' || u.protocol === 'http:') && s.length <= LIEN_MAX;
	} catch {
		return false;
	}
};

/** Stores new bytes (after the scan, when a scanner is configured) and returns what to record. */
async function stocker(projetId: number, recu: FichierRecu, nature: Nature, analyse: Verdict | null): Promise<Contenu> {
	const verdict = analyse ?? ({ etat: 'non-analyse' } as const);
	const s = stockageActif();
	// A new key for each copy stored: a removal of older bytes never touches these.
	const cle = `projets/${projetId}/${recu.sha256}-${randomUUID().slice(0, 8)}`;
	const contenu: Contenu = { sha256: recu.sha256, taille: recu.taille, type: nature.type, stockage: s.nom, cle, apercu: null, analyse: verdict.etat, signature: verdict.etat === 'quarantaine' ? verdict.signature : null };
	// Infected bytes are not kept: the evidence says what was found.
	if (verdict.etat === 'quarantaine') return contenu;
	await s.deposer(cle, recu.chemin, nature.type);
	if (nature.image) {
		const apercu = await apercuDe(recu.chemin);
		if (apercu) {
			const temporaire = `${recu.chemin}.apercu`;
			await writeFile(temporaire, apercu);
			try {
				await s.deposer(`${cle}.apercu.webp`, temporaire, 'image/webp');
				contenu.apercu = `${cle}.apercu.webp`;
			} finally {
				await rm(temporaire, { force: true });
			}
		}
	}
	return contenu;
}

/** POST /projets/[id]/preuves: a file or a link, for one thing followed. */
export async function envoyer(event: RequestEvent): Promise<never> {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	// Refused before the body is read: an outsider's 20 MB are not received.
	autoriser(acteur, 'creer', { type: 'preuves', role });
	// The form's address also says where it comes from and for what (`?retour=…&pour=cible:id`):
	// a body that cannot be read still gets its message in the right place.
	const adresse = event.url.searchParams;
	const [ciblePour, ...resteId] = (adresse.get('pour') ?? '').split(':');
	const pour = (CIBLES_PREUVE as readonly string[]).includes(ciblePour ?? '') ? { cible: ciblePour as CiblePreuve, cibleId: resteId.join(':').slice(0, 200) } : null;
	const recu = await recevoir(event.request, tailleMax());
	if (!recu.ok) {
		const retour = retourSur(projet.id, adresse.get('retour') ?? undefined);
		if (pour) retourner(retour, pour.cible, pour.cibleId, { 'preuve-erreur': recu.raison });
		redirect(303, `${retour}?${new URLSearchParams({ 'preuve-erreur': recu.raison })}`);
	}
	try {
		const { champs, fichier } = recu;
		const retour = retourSur(projet.id, champs.retour ?? adresse.get('retour') ?? undefined);
		const cible = (CIBLES_PREUVE as readonly string[]).includes(champs.cible ?? '') ? (champs.cible as CiblePreuve) : null;
		const cibleId = (champs.cibleId ?? '').slice(0, 200);
		if (!cible) {
			if (pour) retourner(retour, pour.cible, pour.cibleId, { 'preuve-erreur': 'cible' });
			redirect(303, `${retour}?${new URLSearchParams({ 'preuve-erreur': 'cible' })}`);
		}
		const titreSaisi = (champs.titre ?? '').trim();
		const lien = (champs.lien ?? '').trim();
		// What was typed comes back in the address: a link too long for it is not echoed.
		const garde = { titre: titreSaisi.slice(0, TITRE_MAX + 50), lien: encodeURIComponent(lien).length <= LIEN_MAX ? lien : '', ...(champs.confidentielle === 'oui' ? { confidentielle: 'oui' } : {}) };
		const refuser = (code: string, detail?: string): never => retourner(retour, cible, cibleId, { 'preuve-erreur': code, ...(detail ? { 'preuve-detail': detail } : {}), ...garde });
		const trouvee = await cibleDuProjet(projet.id, cible, cibleId);
		if (!trouvee) refuser('cible');
		if (titreSaisi.length > TITRE_MAX) refuser('titre');
		if (fichier && lien) refuser('les-deux');
		if (!fichier && !lien) refuser('rien');
		const base: NouvellePreuve = { projetId: projet.id, cible, cibleId, periodeId: trouvee!.periodeId, titre: titreSaisi, confidentielle: champs.confidentielle === 'oui', auteurId: acteur.id };
		if (!fichier) {
			if (!estLien(lien)) refuser('lien');
			const r = await ajouterLien(db(), { ...base, titre: titreSaisi || lien.slice(0, TITRE_MAX), lien });
			if (!r.ok) refuser(r.raison);
			retourner(retour, cible, cibleId, { preuve: 'ajoutee' });
		}
		if (fichier.tropGros) refuser('trop-gros');
		if (fichier.taille === 0) refuser('vide');
		const nature = await natureDuFichier(fichier.chemin, fichier.nom, fichier.taille);
		if (!nature.ok) return refuser(nature.raison, nature.raison === 'discordant' ? nature.genre : undefined);
		const avecFichier = { ...base, titre: (titreSaisi || fichier.nom.replace(/\.[^.]*$/, '') || fichier.nom).slice(0, TITRE_MAX), sha256: fichier.sha256, nomFichier: fichier.nom };
		// Scanned before anything is kept, even bytes the project already holds (they may
		// have come before a scanner was configured).
		const clamd = configurationClamd();
		const verdict = clamd ? await analyser(clamd, fichier.chemin) : null;
		const existant = await attacherExistant(db(), { ...avecFichier, verdict });
		if (existant.ok) {
			await effacer(existant.cles ?? []);
			retourner(retour, cible, cibleId, { preuve: existant.analyse === 'quarantaine' ? 'quarantaine' : 'ajoutee' });
		}
		if (existant.raison !== 'absent') refuser(existant.raison);
		const contenu = await stocker(projet.id, fichier, nature.nature, verdict);
		const r = await ajouterFichier(db(), { ...avecFichier, contenu });
		if (r.orphelin) await effacer([contenu.cle, contenu.apercu].filter((c): c is string => !!c).map((cle) => ({ stockage: contenu.stockage, cle })));
		if (!r.ok) refuser(r.raison);
		retourner(retour, cible, cibleId, { preuve: contenu.analyse === 'quarantaine' ? 'quarantaine' : 'ajoutee' });
	} finally {
		await recu.jeter();
	}
}

async function effacer(cles: { stockage: Contenu['stockage']; cle: string }[]) {
	for (const { stockage: nom, cle } of cles) {
		await stockage(nom)
			.supprimer(cle)
			.catch((e) => console.error(`Fichier ${cle} non effacé :`, e));
	}
}

/** The evidence of the address, once the policy lets this actor `action` it (404 otherwise, even to say it exists). */
async function preuvePour(event: RequestEvent, action: 'lire' | 'supprimer') {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const id = identifiant(event.params.preuve) ?? error(404, 'Page introuvable');
	const p = await unePreuve(db(), projet.id, id);
	if (!p) error(404, 'Page introuvable');
	autoriser(acteur, 'lire', { type: 'preuve', role, confidentielle: p.confidentielle, sienne: p.ajouteePar === acteur.id });
	if (action !== 'lire') autoriser(acteur, action, { type: 'preuve', role, confidentielle: p.confidentielle, sienne: p.ajouteePar === acteur.id });
	return { projet, preuve: p, acteur };
}

/** « rapport.pdf » as a Content-Disposition value that every browser reads, accents included. */
function enPieceJointe(nom: string): string {
	const ascii = nom.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'preuve';
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nom)}`;
}

/** GET /projets/[id]/preuves/[preuve] (the file, as an attachment) and …/apercu (an image's small WebP). */
export async function telecharger(event: RequestEvent, quoi: 'fichier' | 'apercu'): Promise<Response> {
	const { preuve: p } = await preuvePour(event, 'lire');
	if (p.retireeLe || !p.cle || !p.stockage) error(404, 'Cette preuve a été retirée : son fichier n’est plus disponible.');
	if (p.analyse === 'quarantaine') error(403, `Ce fichier est en quarantaine : l’antivirus y a trouvé « ${p.signature} ». Il ne peut pas être téléchargé.`);
	if (p.analyse === 'a-analyser') error(409, 'Ce fichier attend son analyse antivirus : il pourra être téléchargé ensuite.');
	const cle = quoi === 'apercu' ? p.apercu : p.cle;
	if (!cle) error(404, 'Page introuvable');
	let flux: Readable;
	try {
		flux = await stockage(p.stockage).lire(cle);
	} catch (e) {
		console.error(`Fichier ${cle} illisible dans le stockage ${p.stockage} :`, e);
		error(404, 'Le fichier de cette preuve est introuvable dans le stockage : prévenez l’administrateur du site.');
	}
	const entetes = new Headers({
		'cache-control': 'private, no-store',
		// Whatever a file holds, it never runs as a page of this site (an SVG can carry scripts).
		'content-security-policy': "default-src 'none'; sandbox",
		'x-content-type-options': 'nosniff'
	});
	if (quoi === 'apercu') {
		entetes.set('content-type', 'image/webp');
		entetes.set('content-disposition', 'inline');
	} else {
		entetes.set('content-type', p.type ?? 'application/octet-stream');
		entetes.set('content-disposition', enPieceJointe(p.nomFichier ?? 'preuve'));
		if (p.taille !== null) entetes.set('content-length', String(p.taille));
	}
	return new Response(Readable.toWeb(flux) as ReadableStream, { headers: entetes });
}

/** POST /projets/[id]/preuves/[preuve]/retirer: removed from the list, kept in the history. */
export async function retirer(event: RequestEvent): Promise<never> {
	const { projet, preuve: p, acteur } = await preuvePour(event, 'supprimer');
	// The form posts one field; a body no form sends (JSON, nothing) only loses the way back.
	const donnees = await event.request.formData().catch(() => null);
	const retour = retourSur(projet.id, String(donnees?.get('retour') ?? ''));
	const r = await retirerPreuve(db(), { projetId: projet.id, id: p.id, auteurId: acteur.id });
	if (!r.ok) retourner(retour, p.cible, p.cibleId, { 'preuve-erreur': r.raison });
	await effacer(r.cles);
	retourner(retour, p.cible, p.cibleId, { preuve: 'retiree' });
}

export type PreuveVue = {
	id: number;
	titre: string;
	nomFichier: string | null;
	lien: string | null;
	genre: string;
	taille: string;
	confidentielle: boolean;
	apercu: boolean;
	etat: 'disponible' | 'quarantaine' | 'a-analyser' | 'retiree';
	signature: string | null;
	ajout: string;
	retrait: string | null;
	peutRetirer: boolean;
};

const GENRES_AFFICHES: [RegExp, string][] = [
	[/pdf/, 'PDF'],
	[/wordprocessing|msword|opendocument\.text/, 'Document texte'],
	[/spreadsheet|ms-excel|csv/, 'Tableur'],
	[/presentation|powerpoint/, 'Présentation'],
	[/^image\//, 'Image'],
	[/^text\//, 'Texte']
];

function vue(p: PreuveLue, acteur: Exclude<Acteur, { role: 'visiteur' }>, role: RoleProjet | null): PreuveVue {
	const etat = p.retireeLe ? 'retiree' : p.analyse === 'quarantaine' ? 'quarantaine' : p.analyse === 'a-analyser' ? 'a-analyser' : 'disponible';
	return {
		id: p.id,
		titre: p.titre,
		nomFichier: p.nomFichier,
		lien: p.lien,
		genre: p.lien ? 'Lien' : (GENRES_AFFICHES.find(([re]) => re.test(p.type ?? ''))?.[1] ?? 'Fichier'),
		taille: p.taille === null ? '' : p.taille < 1024 * 1024 ? `${Math.max(1, Math.round(p.taille / 1024))} Ko` : `${mo(p.taille)} Mo`,
		confidentielle: p.confidentielle,
		apercu: !!p.apercu && etat === 'disponible' && estImage(p.type ?? ''),
		etat,
		signature: p.signature,
		ajout: `Ajoutée par ${p.auteur ?? 'un compte supprimé'} le ${formaterDateHeure(p.ajouteeLe, acteur.fuseau)}`,
		retrait: p.retireeLe ? `Retirée par ${p.retirant ?? 'un compte supprimé'} le ${formaterDateHeure(p.retireeLe, acteur.fuseau)}` : null,
		peutRetirer: !p.retireeLe && peut(acteur, 'supprimer', { type: 'preuve', role, confidentielle: p.confidentielle, sienne: p.ajouteePar === acteur.id })
	};
}

export type RetourPreuve = { pour: string; erreur: string | null; succes: string | null; titre: string; lien: string; confidentielle: boolean };

/** What the last post of evidence said, read back from the address it returned to. */
export function retourDePreuve(url: URL): RetourPreuve | null {
	const q = url.searchParams;
	const pour = q.get('preuve-pour');
	const code = q.get('preuve-erreur');
	if (!pour && !code) return null;
	const succes = { ajoutee: 'La preuve est ajoutée.', retiree: 'La preuve est retirée ; l’historique garde sa trace.', quarantaine: 'Le fichier a été mis en quarantaine : l’antivirus y a trouvé un virus. Personne ne pourra le télécharger.' }[q.get('preuve') ?? ''];
	return { pour: pour ?? '', erreur: code ? messageDeRefus(code, libelleDuGenre(q.get('preuve-detail') ?? '')) : null, succes: succes ?? null, titre: (q.get('titre') ?? '').slice(0, TITRE_MAX), lien: (q.get('lien') ?? '').slice(0, LIEN_MAX), confidentielle: q.get('confidentielle') === 'oui' };
}

/** Whether this actor may read confidential evidence (pages and the monitoring report ask it). */
export const voitLesConfidentielles = (acteur: Acteur, role: RoleProjet | null) => peut(acteur, 'lire', { type: 'preuve', role, confidentielle: true, sienne: false });

export type PreuvesDeLaPage = {
	/** « cible:id » → its evidence, removed ones last for the history. */
	parCible: Record<string, PreuveVue[]>;
	retour: RetourPreuve | null;
	peutAjouter: boolean;
	/** The page's path, where adding and removing come back to. */
	chemin: string;
	tailleMax: number;
	tailleMaxMo: string;
};

/**
 * A page's evidence, grouped by the thing it is attached to, with what the actor may do;
 * confidential evidence is not even read for a lecteur.
 */
export async function preuvesDeLaPage(event: Pick<RequestEvent, 'url'>, projetId: number, role: RoleProjet | null, acteur: Acteur, cibles: CiblePreuve[], periodeId?: number): Promise<PreuvesDeLaPage> {
	const parCible: Record<string, PreuveVue[]> = {};
	if (acteur.role !== 'visiteur') {
		const liste = await preuvesDuProjet(db(), projetId, { cibles, periodeId, confidentielles: voitLesConfidentielles(acteur, role) });
		for (const p of liste) (parCible[`${p.cible}:${p.cibleId}`] ??= []).push(vue(p, acteur, role));
	}
	return { parCible, retour: retourDePreuve(event.url), peutAjouter: peut(acteur, 'creer', { type: 'preuves', role }), chemin: event.url.pathname, tailleMax: tailleMax(), tailleMaxMo: mo(tailleMax()) };
}
