/**
 * The reader page (`reader.html?article=<id>&version=<id>`, or `…&compare=<id>&version=<id>`): a
 * stored version of an article, read from the database in the extension's origin (reads only:
 * writes go through the background).
 * Without `version`, the latest; with `compare=<id>`, what changed between that version and it.
 */
import { render } from 'preact';
import { readSettingsEarly } from '@/components/popup/settings/use-settings';
import { GlossDb } from '@/utils/db/database';
import { readEarly } from '@/components/reader/use-stored-article';
import { ReaderApp } from './App';
import '@/components/common/palette.css';
import '@/components/common/page.css';
import './style.css';

/**
 * How long the first render waits for the page's first reads: they take a few milliseconds, and
 * rendering before them painted "Opening…", then the copy two frames later. A database that does
 * not answer (another context upgrading it) still gets the page rendered, saying it is opening.
 */
const FIRST_READS_MS = 200;

const params = new URLSearchParams(location.search);
readSettingsEarly();
const db = new GlossDb();
void db.open().catch(() => undefined); // a failure is shown by the first read that needs it
const articleId = params.get('article') ?? '';
const versionId = params.get('version');
const early = articleId ? readEarly(db, articleId, versionId) : undefined;
const root = document.getElementById('app');
const show = () => root && render(<ReaderApp db={db} articleId={articleId} versionId={versionId} compareId={params.get('compare')} early={early} />, root);
if (early) void Promise.race([early.content.promise, new Promise((done) => setTimeout(done, FIRST_READS_MS))]).then(show);
else show();
