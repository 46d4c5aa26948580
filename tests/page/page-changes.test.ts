import { afterEach, describe, expect, it } from 'vitest';
import { watchChanges, type PageChanges } from '@/utils/page/page-changes';

describe('page/page-changes', () => {
  let changes: PageChanges | undefined;
  afterEach(() => {
    changes?.stop();
    document.body.innerHTML = '';
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('says nothing changed while the page is left alone, or only its attributes change', async () => {
    document.body.innerHTML = '<p>One</p>';
    changes = watchChanges(document);
    document.querySelector('p')!.setAttribute('class', 'x');
    await settle();
    expect(changes.changed()).toBe(false);
  });

  it('sees a text rewritten, before and after the observer is told', async () => {
    document.body.innerHTML = '<p>One</p>';
    changes = watchChanges(document);
    (document.querySelector('p')!.firstChild as Text).data = 'Two';
    expect(changes.changed()).toBe(true); // still pending
    await settle();
    expect(changes.changed()).toBe(true); // delivered
  });

  it('sees a node added anywhere below the document', async () => {
    document.body.innerHTML = '<div><p>One</p></div>';
    changes = watchChanges(document);
    document.querySelector('div')!.append(document.createElement('p'));
    await settle();
    expect(changes.changed()).toBe(true);
  });
});
