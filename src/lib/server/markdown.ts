import MarkdownIt from 'markdown-it';

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

// Wide tables scroll sideways on a phone instead of widening the page.
md.renderer.rules.table_open = () => '<div class="tableau-defilant"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';

/** Renders trusted-structure Markdown to HTML (raw HTML in the source is escaped). */
export const rendreMarkdown = (source: string): string => md.render(source);

/** Renders a one-paragraph Markdown text without the surrounding <p>. */
export const rendreMarkdownEnLigne = (source: string): string => md.renderInline(source);
