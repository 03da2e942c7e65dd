import { describe, expect, it } from 'vitest';
import { ESPACE_FINE as F, ESPACE_INSECABLE as I } from '../typographie.ts';
import { rendreMarkdown } from './markdown.ts';

describe('rendering Markdown with French typography', () => {
	it('typesets the text, links’ labels and table cells', () => {
		expect(rendreMarkdown("**Pourquoi** s'engager ?")).toBe(`<p><strong>Pourquoi</strong> s’engager${F}?</p>\n`);
		expect(rendreMarkdown('[la démarche : histoire](/la-demarche)')).toBe(`<p><a href="/la-demarche">la démarche${I}: histoire</a></p>\n`);
		expect(rendreMarkdown('| Qui ? |\n|---|\n| « eux » |')).toContain(`<td>«${I}eux${I}»</td>`);
	});

	it('keeps code, addresses and attributes as typed', () => {
		expect(rendreMarkdown("`l'option : oui ?`")).toBe("<p><code>l'option : oui ?</code></p>\n");
		expect(rendreMarkdown('<https://exemple.fr/a?b=c>')).toBe('<p><a href="https://exemple.fr/a?b=c">https://exemple.fr/a?b=c</a></p>\n');
		expect(rendreMarkdown("[texte](/recherche?q=l'ami)")).toContain('href="/recherche?q=l\'ami"');
		expect(rendreMarkdown("```\nl'x : y ?\n```")).toBe("<pre><code>l'x : y ?\n</code></pre>\n");
	});

	it('turns a line break before « : ? » or after « into the no-break space', () => {
		expect(rendreMarkdown('Les moyens\n: du temps')).toBe(`<p>Les moyens${I}: du temps</p>\n`);
		expect(rendreMarkdown('Vraiment\n?')).toBe(`<p>Vraiment${F}?</p>\n`);
		expect(rendreMarkdown('«\nbien\n»')).toBe(`<p>«${I}bien${I}»</p>\n`);
	});
});
