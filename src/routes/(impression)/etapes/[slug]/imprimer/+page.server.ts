export { load } from '../../../../etapes/[slug]/+page.server.ts';
