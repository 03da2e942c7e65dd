import { administrateur } from '#lib/server/administration/actions.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	administrateur(locals.acteur, url.pathname);
};
