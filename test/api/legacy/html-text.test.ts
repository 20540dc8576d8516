import { describe, expect, it } from 'vitest';
import { htmlText } from '../../../src/api/legacy/html-text.js';

describe('htmlText (html5lib text nodes, stripped, joined by a space)', () => {
  it.each([
    ['plain', 'plain'],
    ['  padded  ', 'padded'],
    ['<p>a</p><p>b</p>', 'a b'],
    ['a<!-- hidden -->b', 'a b'],
    ['a</nothing>b', 'ab'],
    ['a<td>b</td>c', 'abc'],
    ['<table><tr><td>1</td><td>2</td></tr></table>', '1 2'],
    ['a<br>b', 'a b'],
    ['x &lt;y&gt; &amp;amp; &#65;&#x42; &nbsp;z', 'x <y> &amp; AB \u00a0z'],
    ['<style>p > a {}</style>after', 'p > a {} after'],
    ['<textarea><b>&amp;</b></textarea>', '<b>&</b>'],
    ['<a title="x > y">link</a>', 'link'],
    ['kept <unclosed', 'kept'],
    ['1 < 2', '1 < 2'],
    ['<!DOCTYPE html><p>a</p>', 'a'],
    ['line\r\nbreak', 'line\nbreak'],
  ])('%j → %j', (markup, text) => {
    expect(htmlText(markup)).toBe(text);
  });
});
