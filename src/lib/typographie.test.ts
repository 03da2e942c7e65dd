import { describe, expect, it } from 'vitest';
import { ESPACE_FINE as F, ESPACE_INSECABLE as I, typographier } from './typographie.ts';

describe('French typography of a plain text', () => {
	it.each([
		["L'accès aux droits d'aujourd'hui", 'L’accès aux droits d’aujourd’hui'],
		['Pourquoi s’engager ?', `Pourquoi s’engager${F}?`],
		['Pourquoi?', `Pourquoi${F}?`],
		['Attention ! Oui ; non', `Attention${F}! Oui${F}; non`],
		['Qui décide : le comité', `Qui décide${I}: le comité`],
		['Deux points:', `Deux points${I}:`],
		['« Bien vivre ensemble »', `«${I}Bien vivre ensemble${I}»`],
		['«serré»', `«${I}serré${I}»`],
		['le 1 décembre 2026', `le 1er${I}décembre 2026`],
		['vérifié le 1er décembre', `vérifié le 1er${I}décembre`],
		['du 15 mars au 31 mai', `du 15${I}mars au 31${I}mai`],
		['le 11 janvier', `le 11${I}janvier`],
		['40 000 € et 1 140 enfants', `40${F}000${I}€ et 1${F}140 enfants`],
		['de 5 à 10 %', `de 5 à 10${I}%`],
		['et ensuite...', 'et ensuite…'],
		['Quoi ?!', `Quoi${F}?!`]
	])('« %s »', (avant, apres) => {
		expect(typographier(avant)).toBe(apres);
	});

	it('leaves addresses, times, numbers and quotes alone', () => {
		for (const texte of [
			'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000043896004',
			'/recherche?q=jeunes&theme=acces-aux-droits',
			'à 10:30',
			'en 2019 250 personnes',
			'cible 16.9',
			"'citation'"
		]) {
			expect(typographier(texte)).toBe(texte);
		}
	});

	it('is idempotent, whatever spaces the author typed', () => {
		const texte = `Qui${I}: « un${F}?» le 1 mars, 2 000 € ! L'été...`;
		const une = typographier(texte);
		expect(typographier(une)).toBe(une);
		expect(une).toBe(`Qui${I}: «${I}un${F}?${I}» le 1er${I}mars, 2${F}000${I}€${F}! L’été…`);
	});
});

describe('French typography of a rendered page', () => {
	it('sets the typed spaces of the text, never adds one, never touches attributes, code or what forms send back', async () => {
		const { typographierHtml, typographierEspaces } = await import('./typographie.ts');
		expect(typographierEspaces('Why? Pourquoi ? L\'été')).toBe(`Why? Pourquoi${F}? L’été`);
		const html = [
			'<p title="a : b">Qui décide : « le comité » ?</p>',
			'<input value="d\'abord : oui ?">',
			'<textarea name="t">Texte tapé : ici ?</textarea>',
			'<code>a : b</code><pre>x ; y</pre>',
			'<script>var a = b ? c : d;</script>',
			'<a href="/x?a=1&amp;b=2" data-x=\'>\'>le 1 décembre, 40 000 €</a>'
		].join('');
		expect(typographierHtml(html)).toBe(
			[
				`<p title="a : b">Qui décide${I}: «${I}le comité${I}»${F}?</p>`,
				'<input value="d\'abord : oui ?">',
				'<textarea name="t">Texte tapé : ici ?</textarea>',
				'<code>a : b</code><pre>x ; y</pre>',
				'<script>var a = b ? c : d;</script>',
				`<a href="/x?a=1&amp;b=2" data-x='>'>le 1er${I}décembre, 40${F}000${I}€</a>`
			].join('')
		);
		expect(typographierHtml(typographierHtml(html))).toBe(typographierHtml(html));
	});
});
