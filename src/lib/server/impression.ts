// The print versions of the kit's pages: on paper a link is only as good as the address
// printed beside it, so every link of a print version is absolute.

const entites = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' } as Record<string, string>;
const decoder = (s: string) => s.replace(/&(amp|quot|#39|lt|gt);/g, (e) => entites[e] ?? e);
const echapper = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The links of rendered HTML (Markdown, raw HTML disabled) made absolute, resolved against
 * the page's own address; links within the page (« #… ») stay as they are.
 */
export function liensAbsolus(html: string, page: string): string {
	return html.replace(/(<a\b[^>]*?\shref=")([^"]*)(")/g, (tout, avant: string, href: string, apres: string) => {
		if (href.startsWith('#')) return tout;
		try {
			return `${avant}${echapper(new URL(decoder(href), page).href)}${apres}`;
		} catch {
			return tout;
		}
	});
}
