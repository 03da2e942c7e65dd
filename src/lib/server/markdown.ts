import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { ESPACE_FINE, ESPACE_INSECABLE, typographier } from '../typographie.ts';

// Raw HTML is escaped, never rendered: content comes from files today, from users tomorrow.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// « - [ ] item » in the kit's checklists prints as a box to tick on paper.
md.core.ruler.push('cases_a_cocher', (state) => {
	for (const token of state.tokens) {
		if (token.type !== 'inline' || !token.children?.length) continue;
		const premier = token.children[0]!;
		if (premier.type === 'text') {
			premier.content = premier.content.replace(/^\[ \]\s+/, '☐ ').replace(/^\[[xX]\]\s+/, '☑ ');
		}
	}
});

// French typography on the text alone: code, addresses (autolinks, link targets) and attributes
// keep what the author typed.
md.core.ruler.push('typographie', (state) => {
	for (const token of state.tokens) {
		if (token.type !== 'inline' || !token.children) continue;
		typographierEnLigne(token.children);
	}
});

function typographierEnLigne(enfants: Token[]) {
	let adresse = 0;
	for (const t of enfants) {
		if (t.type === 'link_open' && t.markup === 'autolink') adresse++;
		else if (t.type === 'link_close' && adresse > 0) adresse--;
		else if (t.type === 'text' && adresse === 0) t.content = typographier(t.content);
	}
	// A line break before « ; : ! ? » or after « (a line of the source starting with « : »)
	// becomes the no-break space these signs take.
	enfants.forEach((t, i) => {
		if (t.type !== 'softbreak') return;
		const suivant = enfants[i + 1];
		const precedent = enfants[i - 1];
		let espace: string | undefined;
		// The sign's own space is already there: the break only goes.
		if (suivant?.type === 'text' && /^[\u00A0\u202F][;:!?»]/.test(suivant.content)) espace = '';
		else if (suivant?.type === 'text' && /^[;!?]/.test(suivant.content)) espace = ESPACE_FINE;
		else if (suivant?.type === 'text' && /^[:»]/.test(suivant.content)) espace = ESPACE_INSECABLE;
		else if (precedent?.type === 'text' && /«\u00A0?$/.test(precedent.content)) {
			precedent.content = precedent.content.replace(/\u00A0$/, '');
			espace = ESPACE_INSECABLE;
		}
		if (espace !== undefined) {
			t.type = 'text';
			t.content = espace;
		}
	});
}

// Wide tables scroll sideways on a phone instead of widening the page.
md.renderer.rules.table_open = () => '<div class="tableau-defilant"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';

/** Renders trusted-structure Markdown to HTML (raw HTML in the source is escaped), with French typography. */
export const rendreMarkdown = (source: string): string => md.render(source);

/** Renders a one-paragraph Markdown text without the surrounding <p>. */
export const rendreMarkdownEnLigne = (source: string): string => md.renderInline(source);
