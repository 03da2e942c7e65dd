/** The sizes of the map's drawings (SVG viewBox units), shared by the server and the page. */
export const LARGEUR_FRANCE = 600;
export const HAUTEUR_FRANCE = 620;
export const LARGEUR_MONDE = 960;
export const HAUTEUR_MONDE = 500;
