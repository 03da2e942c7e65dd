// Labels shown to readers, one place for each list of values (used by pages and by validation).

export const TYPES_OUTIL = {
	'liste-de-controle': 'Liste de contrôle',
	modele: 'Modèle',
	grille: 'Grille',
	trame: 'Trame'
} as const;

export const TYPES_PORTEUR = {
	departement: 'Département',
	region: 'Région',
	commune: 'Commune',
	intercommunalite: 'Intercommunalité',
	association: 'Association',
	ong: 'ONG',
	'collectivite-etrangere': 'Collectivité partenaire à l’étranger',
	autre: 'Autre'
} as const;

export const TYPES_FINANCEMENT = {
	'fonds-propres': 'Fonds propres',
	etat: 'État',
	'agence-developpement': 'Agence de développement',
	'union-europeenne': 'Union européenne',
	fondation: 'Fondation',
	partenaire: 'Contribution du partenaire',
	valorisation: 'Contribution valorisée',
	autre: 'Autre'
} as const;

export const cles = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
