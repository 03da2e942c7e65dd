import type { RequestEvent } from '@sveltejs/kit';
import nodemailer, { type Transporter } from 'nodemailer';
import { adresseClient, adresseDEcoute, estBoucleLocale } from '../securite/adresse.ts';
import { ESPACE_INSECABLE, typographierEspaces } from '../../typographie.ts';

export interface Courriel {
	a: string;
	sujet: string;
	texte: string;
	html: string;
}

export interface CourrielEnvoye extends Courriel {
	de: string;
	le: Date;
}

/** The messages sent while no SMTP server is configured, newest first, for /dev/courriels. */
const journal: CourrielEnvoye[] = [];
const TAILLE_JOURNAL = 50;

let transport: Transporter | undefined;

/** SMTP_URL (smtp://user:pass@host:port, smtps://…) names the mail server; without it, mails go to the log. */
export const smtpConfigure = () => Boolean(process.env.SMTP_URL?.trim());

const expediteur = () => process.env.MAIL_FROM?.trim() || 'Terrinclus <ne-pas-repondre@terrinclus.localhost>';

/**
 * Sends one mail. Without SMTP (the embedded default) it is written to the server log and
 * kept in memory for the development page, so that a newcomer can still confirm an account.
 */
export async function envoyerCourriel(c: Courriel): Promise<void> {
	const de = expediteur();
	if (!smtpConfigure()) {
		journal.unshift({ ...c, de, le: new Date() });
		journal.length = Math.min(journal.length, TAILLE_JOURNAL);
		console.log(`Courriel (pas de serveur SMTP configuré) pour ${c.a} : « ${c.sujet} »\n${c.texte}\n`);
		return;
	}
	transport ??= nodemailer.createTransport(process.env.SMTP_URL!.trim());
	await transport.sendMail({ from: de, to: c.a, subject: c.sujet, text: c.texte, html: c.html });
}

export const courrielsJournalises = (): readonly CourrielEnvoye[] => journal;

/** Headers a reverse proxy adds: a request carrying one did not come from this machine's browser. */
const ENTETES_DE_PROXY = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/**
 * Whether the mails kept in memory may be shown: their links are secrets (reset, magic link,
 * invitations). Only on a development set-up — the server listens on loopback, no SMTP
 * server, no https public address — and to a browser on this machine, not through a proxy.
 */
export function courrielsDeDeveloppementVisibles(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): boolean {
	if (smtpConfigure() || process.env.ADRESSE_PUBLIQUE?.trim().toLowerCase().startsWith('https://')) return false;
	if (!estBoucleLocale(adresseDEcoute())) return false;
	if (ENTETES_DE_PROXY.some((nom) => event.request.headers.has(nom))) return false;
	return estBoucleLocale(adresseClient(event));
}

const echapper = (s: string) =>
	s.replace(/[&<>"']/g, (x) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[x]!);

/**
 * A mail with one action: a greeting, paragraphs, one link, and a closing line. Plain text and
 * HTML carry the same words; the HTML is simple enough for any mail reader.
 */
export function courrielAction(p: {
	a: string;
	nom?: string;
	sujet: string;
	paragraphes: string[];
	action: { libelle: string; url: string };
	fin?: string;
}): Courriel {
	// French typography, as on the pages (typographie.ts); the address of the link is left alone.
	const t = typographierEspaces;
	const salutation = t(p.nom ? `Bonjour ${p.nom},` : 'Bonjour,');
	const fin = t(p.fin ?? 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera changé.');
	const paragraphes = p.paragraphes.map(t);
	const libelle = t(p.action.libelle);
	const texte = [salutation, ...paragraphes, `${libelle}${ESPACE_INSECABLE}: ${p.action.url}`, fin, '— Terrinclus'].join('\n\n');
	const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${echapper(salutation)}</p>
${paragraphes.map((x) => `<p>${echapper(x)}</p>`).join('\n')}
<p><a href="${echapper(p.action.url)}" style="display:inline-block;padding:10px 16px;background:#1d4e89;color:#ffffff;text-decoration:none;border-radius:4px">${echapper(libelle)}</a></p>
<p>${t('Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :')}<br>${echapper(p.action.url)}</p>
<p>${echapper(fin)}</p>
<p>— Terrinclus</p>
</body></html>`;
	return { a: p.a, sujet: t(p.sujet), texte, html };
}
