import type { Database } from '../db/index.ts';
import { journalSecurite } from '../db/schema.ts';

export const EVENEMENTS = {
	inscription: 'Inscription',
	'courriel-verifie': 'Adresse confirmée',
	'courriel-verifie-invitation': 'Adresse confirmée par une invitation (inscription depuis son lien)',
	connexion: 'Connexion',
	'connexion-echec': 'Échec de connexion',
	'connexion-bloquee': 'Connexion bloquée (trop de tentatives)',
	deconnexion: 'Déconnexion',
	'deconnexion-partout': 'Déconnexion de toutes les sessions',
	'mot-de-passe-demande': 'Demande de nouveau mot de passe',
	'mot-de-passe-change': 'Mot de passe changé',
	'courriel-change-demande': 'Demande de changement d’adresse',
	'lien-magique-demande': 'Demande de lien de connexion',
	invitation: 'Invitation envoyée',
	'invitation-revoquee': 'Invitation révoquée',
	'invitation-acceptee': 'Invitation acceptée',
	'adhesion-acceptee': 'Demande d’adhésion acceptée',
	'adhesion-refusee': 'Demande d’adhésion refusée',
	'role-change': 'Rôle changé',
	'membre-retire': 'Membre retiré',
	'role-plateforme': 'Rôle sur la plateforme changé',
	desactivation: 'Compte désactivé',
	reactivation: 'Compte réactivé',
	'compte-supprime': 'Compte supprimé',
	'donnees-exportees': 'Données téléchargées'
} as const;

export type Evenement = keyof typeof EVENEMENTS;

/** Writes one security event. It never fails the action it records: a lost line is logged. */
export async function journaliser(
	db: Database,
	e: { evenement: Evenement; utilisateurId?: string | null; cibleId?: string; courriel?: string; adresseIp?: string; details?: Record<string, unknown> }
): Promise<void> {
	try {
		await db.insert(journalSecurite).values({ ...e, utilisateurId: e.utilisateurId ?? null });
	} catch (erreur) {
		console.error('Journal de sécurité : écriture impossible', erreur);
	}
}
