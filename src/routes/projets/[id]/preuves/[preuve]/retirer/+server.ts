import { retirer } from '#lib/server/fichiers/preuves/actions.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => retirer(event);
