/**
 * The name index behind "name contains": one and several characters, any case, replaced and removed
 * documents never found again (also after it compacts itself), the limit and the accept filter.
 */
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../../src/main/catalog/nameIndex';

describe('name index', () => {
  it('finds documents containing the text, in the order they were added, up to the limit', () => {
    const index = new NameIndex<string>();
    index.set('a', '纯棉短袖T恤 白色', 'a');
    index.set('b', '加厚毛巾 白色', 'b');
    index.set('c', 'iPhone 手机壳', 'c');
    expect(index.search('白色', 10)).toEqual(['a', 'b']);
    expect(index.search('白', 10)).toEqual(['a', 'b']);
    expect(index.search('白', 1)).toEqual(['a']);
    expect(index.search('t恤 白', 10)).toEqual(['a']);
    expect(index.search('IPHONE', 10)).toEqual(['c']);
    // Every pair is present ("白色", "色毛") but never together in one text.
    expect(index.search('白色毛', 10)).toEqual([]);
    expect(index.search('', 10)).toEqual([]);
    expect(index.search('白色', 10, (payload) => payload !== 'a')).toEqual(['b']);
  });

  it('forgets the old text of a replaced document and removed documents, also after compacting', () => {
    const index = new NameIndex<number>();
    for (let i = 0; i < 3000; i++) index.set(`k${i}`, `旧名称${i}`, i);
    for (let i = 0; i < 3000; i++) index.set(`k${i}`, `新名称${i}`, i);
    for (let i = 0; i < 2000; i++) index.delete(`k${i}`);
    expect(index.size).toBe(1000);
    expect(index.search('旧名称', 10)).toEqual([]);
    expect(index.search('名称21', 3)).toEqual([2100, 2101, 2102]);
    expect(index.search('新名称2999', 10)).toEqual([2999]);
    expect(index.search('新名称1', 10)).toEqual([]);
    index.set('k2999', '改过的名字', 2999);
    expect(index.search('新名称2999', 10)).toEqual([]);
    expect(index.search('改过', 10)).toEqual([2999]);
    index.clear();
    expect(index.search('新', 10)).toEqual([]);
  });

  it('keeps its place when a document is set again with the same text', () => {
    const index = new NameIndex<string>();
    index.set('a', '杯子', 'first');
    index.set('b', '杯子', 'b');
    index.set('a', '杯子', 'updated');
    expect(index.search('杯', 10)).toEqual(['updated', 'b']);
  });
});
