import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { pages } from '../db/schema.ts';
import { rendreMarkdown } from '../markdown.ts';
import { typographier } from '../../typographie.ts';

export async function pageParSlug(db: Database, slug: string) {
	const [page] = await db.select().from(pages).where(eq(pages.slug, slug));
	if (!page) return undefined;
	return { slug: page.slug, titre: typographier(page.titre), description: typographier(page.description), corpsHtml: rendreMarkdown(page.corps) };
}
