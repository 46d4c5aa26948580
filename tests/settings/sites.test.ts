import { describe, expect, it } from 'vitest';
import { parseHost } from '@/utils/settings/sites';

describe('settings/sites', () => {
  it('takes a bare host name or a whole address, in the form page URLs give it', () => {
    expect(parseHost('  News.Example.COM ')).toBe('news.example.com');
    expect(parseHost('https://www.example.com/world/2024/story.html?x=1')).toBe('www.example.com');
    expect(parseHost('example.com:8080/path')).toBe('example.com');
    expect(parseHost('bücher.example')).toBe('xn--bcher-kva.example');
    expect(parseHost('localhost')).toBe('localhost');
    expect(parseHost('127.0.0.1')).toBe('127.0.0.1');
    expect(parseHost('example.com.')).toBe('example.com');
  });

  it('refuses what is not a host name', () => {
    for (const bad of ['', '   ', 'not a host', 'exa_mple.com', '-bad.example', 'a..b', 'https://', 'x'.repeat(64) + '.example']) {
      expect(parseHost(bad), bad).toBeNull();
    }
  });
});
