// A real SMTP server on loopback for the browser tests: the app sends its mails to it over
// SMTP (nodemailer), it parses them (mailparser) and keeps each as a JSON file in a folder per
// recipient, where any test worker can read them. Per recipient: a test waiting for its mail
// reads its own few files, not the hundreds the whole suite receives, ten times a second.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CourrielRecu {
	a: string;
	de: string;
	sujet: string;
	texte: string;
	html: string;
	recuLe: number;
}

export async function demarrerBoiteAuxLettres(dossier: string): Promise<{ url: string; arreter: () => Promise<void> }> {
	mkdirSync(dossier, { recursive: true });
	let n = 0;
	const serveur = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(flux, _session, fini) {
			simpleParser(flux)
				.then((m) => {
					const a = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((x) => x.value.map((v) => v.address ?? '')).join(',');
					const courriel: CourrielRecu = {
						a,
						de: m.from?.text ?? '',
						sujet: m.subject ?? '',
						texte: m.text ?? '',
						html: typeof m.html === 'string' ? m.html : '',
						recuLe: Date.now()
					};
					const nom = `${Date.now()}-${++n}.json`;
					for (const destinataire of new Set(a.split(',').filter(Boolean))) {
						const boite = dossierDe(dossier, destinataire);
						mkdirSync(boite, { recursive: true });
						writeFileSync(path.join(boite, nom), JSON.stringify(courriel));
					}
					fini();
				})
				.catch(fini);
		}
	});
	await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
	const adresse = serveur.server.address();
	const port = typeof adresse === 'object' && adresse ? adresse.port : 0;
	return { url: `smtp://127.0.0.1:${port}`, arreter: () => new Promise((r) => serveur.close(() => r())) };
}

const dossierDe = (dossier: string, adresse: string) => path.join(dossier, encodeURIComponent(adresse.toLowerCase()));

/** The mails received for an address, oldest first. */
export function courrielsPour(dossier: string, adresse: string): CourrielRecu[] {
	const boite = dossierDe(dossier, adresse);
	if (!existsSync(boite)) return [];
	return readdirSync(boite)
		.sort((x, y) => x.localeCompare(y, 'en', { numeric: true }))
		.map((f) => JSON.parse(readFileSync(path.join(boite, f), 'utf8')) as CourrielRecu);
}

/** Waits for the next mail to an address whose subject matches, received after `depuis`. */
export async function attendreCourriel(dossier: string, adresse: string, sujet: RegExp, depuis = 0): Promise<CourrielRecu> {
	const limite = Date.now() + 30_000;
	// Subjects are typeset (no-break spaces before « : » and inside « »): a pattern may say either.
	const correspond = (s: string) => sujet.test(s) || sujet.test(s.replace(/[\u00a0\u202f]/g, ' '));
	while (Date.now() < limite) {
		const trouve = courrielsPour(dossier, adresse).find((c) => correspond(c.sujet) && c.recuLe >= depuis);
		if (trouve) return trouve;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`Aucun courriel « ${sujet} » reçu pour ${adresse}`);
}

/** The first link of a mail's text that goes to the app. */
export function lienDe(courriel: CourrielRecu, base: string): string {
	const lien = courriel.texte.match(/https?:\/\/\S+/g)?.find((l) => l.startsWith(base));
	if (!lien) throw new Error(`Pas de lien vers ${base} dans « ${courriel.sujet} » :\n${courriel.texte}`);
	return lien;
}
