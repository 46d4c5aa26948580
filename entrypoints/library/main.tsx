/**
 * The library page (`library.html`): entities and terms across the reader's articles. It holds
 * no database: every answer comes from the background (utils/messaging).
 */
import { render } from 'preact';
import { backgroundClient } from '@/components/library/library-client';
import { LibraryApp } from './App';
import '@/components/common/palette.css';
import '@/components/common/page.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<LibraryApp client={backgroundClient} />, root);
