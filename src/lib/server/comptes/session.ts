import { FUSEAU_PAR_DEFAUT, fuseauValide } from '#lib/dates.ts';
import { VISITEUR, type Acteur } from '../policies/index.ts';
import type { Auth } from './auth.ts';

/** The actor of a request, from its session cookie; a visitor when there is none or it expired. */
export async function acteurDeLaRequete(auth: Auth, headers: Headers): Promise<Acteur> {
	// No cookie of ours: no lookup at all (most readers of the kit).
	if (!headers.get('cookie')?.includes('terrinclus.session_token')) return VISITEUR;
	const session = await auth.api.getSession({ headers });
	if (!session || session.user.desactiveLe) return VISITEUR;
	return {
		role: session.user.role as Exclude<Acteur['role'], 'visiteur'>,
		id: session.user.id,
		nom: session.user.name,
		courriel: session.user.email,
		sessionId: session.session.id,
		fuseau: fuseauValide(session.user.fuseauHoraire) ?? FUSEAU_PAR_DEFAUT
	};
}
