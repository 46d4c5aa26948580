import { describe, expect, it } from 'vitest';
import { registrableDomain, sameOutlet, siteOf } from '@/utils/article/site';

describe('article/site', () => {
  it.each([
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['www.yna.co.kr', 'yna.co.kr'],
    ['news.xinhuanet.com.cn', 'xinhuanet.com.cn'],
    ['www3.nhk.or.jp', 'nhk.or.jp'],
    ['www.gov.uk', 'www.gov.uk'],
    ['rodong.rep.kp', 'rodong.rep.kp'],
    ['www.kcna.kp', 'kcna.kp'],
    ['WWW.KCNAWatch.Example.', 'kcnawatch.example'],
    ['a.b.c.nytimes.com', 'nytimes.com'],
    ['nytimes.com', 'nytimes.com'],
    ['alice.github.io', 'alice.github.io'],
    ['bob.substack.com', 'bob.substack.com'],
    ['github.io', 'github.io'],
    ['co.uk', 'co.uk'],
    ['news.test', 'news.test'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['localhost', 'localhost'],
    ['xn--9n2bp8q.example', 'xn--9n2bp8q.example'],
  ])('the registrable domain of %s is %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });

  it('gives the site of an http(s) address only', () => {
    expect(siteOf('https://www.bbc.co.uk/news/world-1?x=1')).toBe('bbc.co.uk');
    expect(siteOf('http://news.test:8080/a')).toBe('news.test');
    expect(siteOf('javascript:alert(1)')).toBeNull();
    expect(siteOf('file:///etc/passwd')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('tells one outlet by its site, whatever the scheme, port or subdomain', () => {
    expect(sameOutlet('https://m.bbc.co.uk/a', 'http://www.bbc.co.uk:8080/b')).toBe(true);
    expect(sameOutlet('https://bbc.co.uk/a', 'https://itv.co.uk/a')).toBe(false);
    expect(sameOutlet('http://evil.test/a', 'http://news.test/a')).toBe(false);
    expect(sameOutlet('https://alice.github.io/a', 'https://bob.github.io/a')).toBe(false);
    expect(sameOutlet('https://evil.co.kr/a', 'https://news.co.kr/a')).toBe(false);
    expect(sameOutlet('https://a.example/', 'javascript:alert(1)')).toBe(false);
  });

  it('joins two sites only where the reader paired them, in either order', () => {
    const mirrors = [['kcna.kp', 'kcnawatch.org']] as const;
    expect(sameOutlet('http://www.kcna.kp/en/a', 'https://kcnawatch.org/a', mirrors)).toBe(true);
    expect(sameOutlet('https://kcnawatch.org/a', 'http://www.kcna.kp/en/a', mirrors)).toBe(true);
    expect(sameOutlet('https://evil.example/a', 'https://kcnawatch.org/a', mirrors)).toBe(false);
    expect(sameOutlet('http://www.kcna.kp/en/a', 'https://kcnawatch.org/a')).toBe(false);
  });
});
