/**
 * The reader page (`reader.html?article=<id>&version=<id>`, or `…&compare=<id>&version=<id>`): a
 * stored version of an article, read from the database in the extension's origin (reads only:
 * writes go through the background).
 * Without `version`, the latest; with `compare=<id>`, what changed between that version and it.
 */
import { render } from 'preact';
import { readSettingsEarly } from '@/components/popup/settings/use-settings';
import { GlossDb } from '@/utils/db/database';
import { ReaderApp } from './App';
import '@/components/common/palette.css';
import '@/components/common/page.css';
import './style.css';

const params = new URLSearchParams(location.search);
readSettingsEarly();
const db = new GlossDb();
void db.open().catch(() => undefined); // a failure is shown by the first read that needs it
const root = document.getElementById('app');
if (root) render(<ReaderApp db={db} articleId={params.get('article') ?? ''} versionId={params.get('version')} compareId={params.get('compare')} />, root);
