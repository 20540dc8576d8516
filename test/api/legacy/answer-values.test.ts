import { describe, expect, it } from 'vitest';
import { formatAnswerValue } from '../../../src/api/legacy/answer-values.js';

describe('formatAnswerValue (ProblemFirstLastResponseAnswerDistributionSerializer)', () => {
  it.each([
    ['', ''],
    ['justastring', 'justastring'],
    ['25.94', '25.94'],
    ['[0, 100, 7, "x", "Duōshǎo"]', '[0|100|7|x|Duōshǎo]'],
    ['"a","b" <choicehint>Correct.</choicehint> o', '"a","b" Correct. o'],
    ['[{"3":"t1"},{"2":"t2"}]', '[{"3": "t1"}|{"2": "t2"}]'],
    ['[[1,0,0],[0,1,0],[0,0,1],[0,0,0]]', '[[1, 0, 0]|[0, 1, 0]|[0, 0, 1]|[0, 0, 0]]'],
    ['["<text>(S \\to D \\to G)</text>"]', '[(S \\to D \\to G)]'],
    ['\\((2,1,3)^\\n\\)', '\\((2,1,3)^\\n\\)'],
    ['MLE [mathjax]\\widehat{\\theta }_ n^{\\text {MLE}}[/mathjax]', 'MLE [mathjax]\\widehat{\\theta }_ n^{\\text {MLE}}[/mathjax]'],
    ['<img src="doggo.png" height="100"/>', ''],
    ['<table><tr><td>(0</td><td>1/3</td><td>0)</td></tr></table>', '(0 1/3 0)'],
  ])('formats %j as %j', (value, expected) => {
    expect(formatAnswerValue(value)).toBe(expected);
  });

  it.each([
    ['"hello**ONEBACKSLASHQUOTE**', '"hello\\"'],
    ['**BACKSLASHSPACE**hello', '\\ hello'],
    ['**FOURBACKSLASHQUOTE****TWOBACKSLASHQUOTE**', '\\\\\\\\"\\\\"'],
    ['a**TWOBACKSLASH**b**BACKSLASHQUOTE**', 'a\\\\b\\"'],
  ])('turns slugs in %j back into backslashes', (value, expected) => {
    expect(formatAnswerValue(value)).toBe(expected);
  });

  it('writes non-string list items as Python json.dumps does', () => {
    expect(formatAnswerValue('[1.0, 1e16, 0.00001, true, null, {"ō": 2.50}, -0, 1e400, 123456789012345678901234567890]')).toBe(
      '[1.0|1e+16|1e-05|true|null|{"\\u014d": 2.5}|0|Infinity|123456789012345678901234567890]',
    );
    expect(formatAnswerValue('[0.1, 123.456, 1e-7, 5e15, 2.5e-4, -1.5E+20, -0.0]')).toBe(
      '[0.1|123.456|1e-07|5000000000000000.0|0.00025|-1.5e+20|-0.0]',
    );
    expect(formatAnswerValue('[]')).toBe('[]');
  });

  it('keeps Latin-1 list text as a string, as unicode_escape made it invalid JSON', () => {
    expect(formatAnswerValue('["café"]')).toBe('["café"]');
    expect(formatAnswerValue('[1,\n2]')).toBe('[1,\n2]');
    expect(formatAnswerValue('["a\tb"]')).toBe('[a\tb]');
  });

  it('reduces HTML to stripped text nodes joined by spaces', () => {
    expect(formatAnswerValue('<p>  a &amp; b </p><!-- note --><p>c&lt;d</p>')).toBe('a & b c<d');
    expect(formatAnswerValue('x < 5 and y<z')).toBe('x < 5 and y');
    expect(formatAnswerValue('<script>if (a<b) {}</script>')).toBe('if (a<b) {}');
    expect(formatAnswerValue('1 <b>2</b> 3')).toBe('1 2 3');
    expect(formatAnswerValue('<b>x</b> <i>y</i>')).toBe('x  y');
  });

  it('prints a null value as Python str(None)', () => {
    expect(formatAnswerValue(null)).toBe('None');
  });
});
