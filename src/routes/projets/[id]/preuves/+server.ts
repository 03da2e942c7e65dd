import { envoyer } from '#lib/server/fichiers/preuves/actions.ts';
import type { RequestHandler } from './$types';

// Streamed: this route alone takes bodies up to the file limit (securite/entrees.ts).
export const POST: RequestHandler = (event) => envoyer(event);
