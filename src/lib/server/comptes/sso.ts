// Single sign-on with OpenID Connect (authorization code + PKCE), configured by environment,
// with a preset for ProConnect, the identity federation of French public agents.
import type { BetterAuthPlugin } from 'better-auth';
import { genericOAuth } from 'better-auth/plugins';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { neutraliserBidi } from '../securite/texte.ts';

export const ID_FOURNISSEUR = 'oidc';

export interface ConfigurationSso {
	issuer: string;
	clientId: string;
	clientSecret: string;
	proconnect: boolean;
	/** The button's words: « S'identifier avec ProConnect », or with OIDC_NOM. */
	libelle: string;
}

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET turn single sign-on on; OIDC_FOURNISSEUR
 * is « proconnect » (the default) or « autre », named by OIDC_NOM. Without them, no button.
 */
export function configurationSso(env = process.env): ConfigurationSso | undefined {
	const issuer = env.OIDC_ISSUER?.trim().replace(/\/$/, '');
	const clientId = env.OIDC_CLIENT_ID?.trim();
	const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
	if (!issuer || !clientId || !clientSecret) return undefined;
	const proconnect = (env.OIDC_FOURNISSEUR?.trim() || 'proconnect') === 'proconnect';
	return {
		issuer,
		clientId,
		clientSecret,
		proconnect,
		libelle: proconnect ? 'S’identifier avec ProConnect' : `Se connecter avec ${env.OIDC_NOM?.trim() || 'le compte de mon organisation'}`
	};
}

interface Decouverte {
	userinfo_endpoint?: string;
	jwks_uri?: string;
	issuer?: string;
}

/**
 * The person's claims from the userinfo endpoint, which ProConnect answers as a signed JWT
 * (verified with the provider's keys) and others as JSON.
 */
async function infosUtilisateur(c: ConfigurationSso, accessToken: string) {
	const decouverte = (await (await fetch(`${c.issuer}/.well-known/openid-configuration`)).json()) as Decouverte;
	if (!decouverte.userinfo_endpoint) return null;
	const reponse = await fetch(decouverte.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
	if (!reponse.ok) return null;
	if ((reponse.headers.get('content-type') ?? '').includes('application/jwt')) {
		if (!decouverte.jwks_uri) return null;
		const { payload } = await jwtVerify(await reponse.text(), createRemoteJWKSet(new URL(decouverte.jwks_uri)), {
			issuer: decouverte.issuer ?? c.issuer,
			audience: c.clientId
		});
		return payload as Record<string, unknown>;
	}
	return (await reponse.json()) as Record<string, unknown>;
}

const texte = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * A name from the provider, made to follow our name rule (regles.ts): no markup, no control
 * or bidirectional characters, 100 characters at most. A provider is trusted for who the
 * person is, not for what its fields may carry.
 */
export const nomDuFournisseur = (brut: string) =>
	neutraliserBidi(brut)
		.replace(/\s+/g, ' ')
		.replace(/[<>\p{Cc}]/gu, '')
		.trim()
		.slice(0, 100)
		.trim();

export function pluginSso(c: ConfigurationSso): BetterAuthPlugin {
	return genericOAuth({
		config: [
			{
				providerId: ID_FOURNISSEUR,
				discoveryUrl: `${c.issuer}/.well-known/openid-configuration`,
				clientId: c.clientId,
				clientSecret: c.clientSecret,
				pkce: true,
				// ProConnect's claims for a public agent: names as the State knows them.
				scopes: c.proconnect ? ['openid', 'email', 'given_name', 'usual_name', 'uid'] : ['openid', 'email', 'profile'],
				getUserInfo: async (tokens) => {
					if (!tokens.accessToken) return null;
					const claims = await infosUtilisateur(c, tokens.accessToken);
					const email = texte(claims?.email).toLowerCase();
					if (!claims || !texte(claims.sub) || !email) return null;
					const nom = texte(claims.name) || [texte(claims.given_name), texte(claims.usual_name) || texte(claims.family_name)].filter(Boolean).join(' ') || email;
					return {
						id: texte(claims.sub),
						email,
						name: nomDuFournisseur(nom) || email.slice(0, 100),
						// ProConnect only federates verified professional addresses.
						emailVerified: c.proconnect || claims.email_verified === true || claims.email_verified === 'true'
					};
				}
			}
		]
	}) as BetterAuthPlugin;
}
