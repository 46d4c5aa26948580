import { describe, expect, it } from 'vitest';
import { addTag } from '@/components/common/TagInput';
import { cleanTags } from '@/utils/notes/tags';
import { HOSTILE_TAGS, hostileTags, seededRandom } from '../support/hostile';

describe('notes/tags', () => {
  it('trims, collapses inner white space, drops empties and keeps the first spelling of a tag in any case', () => {
    expect(cleanTags(['  Juche ', 'juche', 'self \n\t reliance', '', ' ', 'A', 'a', '20×10', 'É', 'é'])).toEqual(['Juche', 'self reliance', 'A', '20×10', 'É']);
  });

  it('is what the editor does when a tag is added', () => {
    expect(addTag(['Juche'], '  JUCHE ')).toEqual(['Juche']);
    expect(addTag(['Juche'], ' self   reliance ')).toEqual(['Juche', 'self reliance']);
    expect(addTag([], ' \t ')).toEqual([]);
  });

  it('gives tags with no blank, no padding, no doubled space and no two alike ignoring case, and changes clean tags not at all', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 500; i++) {
      const tags = cleanTags(hostileTags(random));
      for (const tag of tags) expect(tag).toMatch(/^\S(?:.*\S)?$|^\S$/s);
      for (const tag of tags) expect(tag).not.toMatch(/\s\s/);
      expect(new Set(tags.map((tag) => tag.toLowerCase())).size).toBe(tags.length);
      expect(cleanTags(tags)).toEqual(tags);
    }
    expect(HOSTILE_TAGS.length).toBeGreaterThan(10);
  });
});
