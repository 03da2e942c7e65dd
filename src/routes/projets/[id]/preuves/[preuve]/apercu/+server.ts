import { telecharger } from '#lib/server/fichiers/preuves/actions.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => telecharger(event, 'apercu');
