import { courrielsDeDeveloppementVisibles, courrielsJournalises } from '#lib/server/comptes/courriel.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

// The mails the server would have sent, while no SMTP server is configured: a newcomer on
// the embedded default can still open the confirmation link. Never shown to another machine.
export const load: PageServerLoad = (event) => {
	autoriser(event.locals.acteur, 'lire', { type: 'courriels-de-developpement', visibles: courrielsDeDeveloppementVisibles(event) });
	return {
		courriels: courrielsJournalises().map((c) => ({ a: c.a, de: c.de, sujet: c.sujet, texte: c.texte, le: c.le.toISOString() }))
	};
};
