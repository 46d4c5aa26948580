/**
 * The library page (`library.html`): entities and terms across the reader's articles. It holds
 * no database: every answer comes from the background (utils/messaging).
 */
import { render } from 'preact';
import { askingEarly, firstQuestions } from '@/components/library/early-questions';
import { backgroundClient } from '@/components/library/library-client';
import { parseRoute } from '@/components/library/route';
import { LibraryApp } from './App';
// One stylesheet (it imports the palette and the pages' base): a request less each, before the script may run.
import './style.css';

// The first view's questions go now, not after the first frame.
const client = askingEarly(backgroundClient, firstQuestions(parseRoute(location.hash)));
const root = document.getElementById('app');
if (root) render(<LibraryApp client={client} />, root);
