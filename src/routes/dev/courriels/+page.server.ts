import { courrielsJournalises, smtpConfigure } from '#lib/server/comptes/courriel.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

const LOCALES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

// The mails the server would have sent, while no SMTP server is configured: a newcomer on
// the embedded default can still open the confirmation link. Never shown to another machine.
export const load: PageServerLoad = ({ locals, getClientAddress }) => {
	autoriser(locals.acteur, 'lire', { type: 'courriels-de-developpement', local: LOCALES.has(getClientAddress()), smtp: smtpConfigure() });
	return {
		courriels: courrielsJournalises().map((c) => ({ a: c.a, de: c.de, sujet: c.sujet, texte: c.texte, le: c.le.toISOString() }))
	};
};
