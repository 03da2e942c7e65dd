// One gate for what every request carries, before any page or action reads it: an address
// or a form that PostgreSQL would refuse (NUL), or that cannot be read, is answered 4xx in
// French and reaches nothing; bidirectional controls are taken out of typed text so that no
// name or comment can display reversed.
import type { Handle } from '@sveltejs/kit/hooks';
import { contientNul, neutraliserBidi } from './texte.ts';
import { estCheminAuth } from '../comptes/porte.ts';

/** A refusal of the gate, answered at once: thrown errors do not reach the error page from here. */
class Refus {
	statut: number;
	message: string;
	constructor(statut: number, message: string) {
		this.statut = statut;
		this.message = message;
	}
}
function refuser(statut: number, message: string): never {
	throw new Refus(statut, message);
}

const echapper = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The refusal as a small French page, the same words as src/error.html. */
function page({ statut, message }: Refus): Response {
	const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Erreur ${statut} — Terrinclus</title></head><body><main><h1>${echapper(message)}</h1><p>Erreur ${statut}. Rien n’a été enregistré.</p><p><a href="/">Revenir à l’accueil de Terrinclus</a></p></main></body></html>`;
	return new Response(html, { status: statut, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const FORMULAIRES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The one route that receives files: it streams its body itself (fichiers/preuves/reception.ts). */
export const ROUTE_ENVOI = /^\/projets\/\d{1,10}\/preuves\/?$/;
/** Every other body: 512 KB, adapter-node's default (serve.js raises the server's limit for files only). */
export const CORPS_MAX = 512 * 1024;

/** A body too large for its route is refused before anything reads it. */
function verifierTaille(request: Request, chemin: string): void {
	if (request.method === 'GET' || request.method === 'HEAD' || (request.method === 'POST' && ROUTE_ENVOI.test(chemin))) return;
	const longueur = request.headers.get('content-length');
	if (longueur === null) {
		// Browsers always say how long a form is; a body of unknown length is refused here.
		if (request.headers.has('transfer-encoding')) refuser(411, 'La longueur de la requête doit être indiquée.');
		return;
	}
	if (Number(longueur) > CORPS_MAX) refuser(413, 'Le formulaire envoyé est trop volumineux.');
}

const statutDe = (e: unknown) => (e && typeof e === 'object' && 'status' in e && typeof e.status === 'number' ? e.status : undefined);

/** The path and query, decoded; refused when malformed or carrying NUL. */
function verifierAdresse(url: URL): void {
	let chemin: string;
	try {
		chemin = decodeURIComponent(url.pathname);
	} catch {
		refuser(400, 'Cette adresse est mal formée.');
	}
	if (contientNul(chemin) || [...url.searchParams].some(([cle, valeur]) => contientNul(cle) || contientNul(valeur))) {
		refuser(400, 'Cette adresse contient un caractère invalide.');
	}
}

/** A form's fields, cleaned; refused when unreadable, too large or carrying NUL. */
async function formulaireNettoye(request: Request): Promise<FormData | undefined> {
	let donnees: FormData;
	try {
		donnees = await request.clone().formData();
	} catch (e) {
		if (statutDe(e) === 413) refuser(413, 'Le formulaire envoyé est trop volumineux.');
		refuser(400, 'Le formulaire envoyé est illisible : rechargez la page et réessayez.');
	}
	const propre = new FormData();
	let change = false;
	for (const [cle, valeur] of donnees) {
		if (typeof valeur !== 'string') {
			propre.append(cle, valeur);
			continue;
		}
		if (contientNul(cle) || contientNul(valeur)) refuser(400, 'Le formulaire contient un caractère invalide (caractère nul).');
		const nette = neutraliserBidi(valeur);
		if (nette !== valeur || neutraliserBidi(cle) !== cle) change = true;
		propre.append(neutraliserBidi(cle), nette);
	}
	return change ? propre : undefined;
}

export const garderEntrees: Handle = async ({ event, resolve }) => {
	let propre: FormData | undefined;
	const type = event.request.headers.get('content-type') ?? '';
	const formulaire = event.request.method !== 'GET' && event.request.method !== 'HEAD' && FORMULAIRES.test(type);
	try {
		verifierAdresse(event.url);
		// Better Auth's paths answer 404 before reading any body, but for GET links (porte.ts).
		if (!estCheminAuth(event.url.pathname)) verifierTaille(event.request, event.url.pathname);
		if (formulaire && !ROUTE_ENVOI.test(event.url.pathname)) propre = await formulaireNettoye(event.request);
	} catch (e) {
		if (e instanceof Refus) return page(e);
		throw e;
	}
	if (!propre) return resolve(event);
	const entetes = new Headers(event.request.headers);
	entetes.delete('content-length');
	const urlencode = type.toLowerCase().startsWith('application/x-www-form-urlencoded');
	// A multipart body gets a new boundary: its content type is set from the new body.
	if (!urlencode) entetes.delete('content-type');
	const body = urlencode ? new URLSearchParams(propre as unknown as Record<string, string>) : propre;
	const request = new Request(event.request.url, { method: event.request.method, headers: entetes, body });
	return resolve({ ...event, request });
};
