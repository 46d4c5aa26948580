import { describe, expect, it } from 'vitest';
import { stripScripts } from '../../../scripts/lib/strip-scripts.mjs';

describe('scripts/lib/strip-scripts', () => {
  it('takes out the scripts a browser runs and keeps data blocks', () => {
    const html =
      '<head><script>track()</script><script type="module" src="/app.js"></script>' +
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script><script type=text/javascript>x()</script></head>';
    expect(stripScripts(html)).toBe('<head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>');
  });

  it('takes out inline event handlers and leaves text alone', () => {
    expect(stripScripts('<img src="a.png" onload="go()" alt="x"><p>They went online="yes"</p>')).toBe(
      '<img src="a.png" alt="x"><p>They went online="yes"</p>',
    );
  });
});
