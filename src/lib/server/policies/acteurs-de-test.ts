import type { Acteur } from './acteur.ts';

/** A signed-in account with a platform role, for the policies' tests. */
export const compte = (role: 'membre' | 'editeur' | 'administrateur', id = 'a1'): Acteur => ({
	role,
	id,
	nom: 'Camille',
	courriel: 'camille@example.org',
	sessionId: 's1',
	fuseau: 'Europe/Paris'
});
