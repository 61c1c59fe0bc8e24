// Proves only plain http(s) addresses become links: script, data and relative URLs are refused, bare hosts get https.
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/lib/views/safe-url';

describe('safeHttpUrl', () => {
  it.each([
    ['https://www.biowin.org', 'https://www.biowin.org/'],
    ['http://example.org/path?q=1#top', 'http://example.org/path?q=1#top'],
    ['HTTPS://Example.ORG/Liège', 'https://example.org/Li%C3%A8ge'],
    ['  https://example.org  ', 'https://example.org/'],
    ['https://www.vlaio.be/clusters', 'https://www.vlaio.be/clusters'],
    // A bare host is what people write in a spreadsheet: it gets https.
    ['www.example.org', 'https://www.example.org/'],
    ['example.org/about', 'https://example.org/about'],
    ['medvia.be', 'https://medvia.be/'],
    ['example.org:8080/x', 'https://example.org:8080/x'],
  ])('keeps %j as %j', (text, expected) => {
    expect(safeHttpUrl(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['javascript:alert(1)', 'script'],
    ['JaVaScRiPt:alert(1)', 'mixed case'],
    [' javascript:alert(1)', 'leading space'],
    ['\tjavascript:alert(1)', 'leading tab'],
    ['java\tscript:alert(1)', 'tab inside (the URL parser drops it)'],
    ['java\nscript:alert(1)', 'newline inside'],
    ['\u0000javascript:alert(1)', 'leading NUL'],
    ['\u0001JaVaScRiPt:alert(1)', 'leading control character'],
    ['javascript://example.org/%0Aalert(1)', 'script with slashes'],
    ['javascript:alert(1)@example.org', 'script smuggled as user info'],
    ['javascript:void(0)//example.org', 'script with a comment'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'base64 data'],
    ['DATA:,x', 'upper-case data'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['VBScript:msgbox(1)', 'mixed-case vbscript'],
    ['mailto:info@example.org', 'mail'],
    ['ftp://example.org/file', 'ftp'],
    ['file:///etc/passwd', 'file'],
    ['//evil.example/x', 'protocol-relative'],
    ['\\\\evil.example\\x', 'protocol-relative with backslashes'],
    ['/relative/path', 'absolute path'],
    ['./relative', 'relative path'],
    ['../up', 'parent path'],
    ['?q=1', 'query only'],
    ['#top', 'fragment only'],
    ['https://exa mple.org', 'space in host'],
    ['http://', 'no host'],
  ])('refuses %j (%s)', (text) => {
    expect(safeHttpUrl(text)).toBeUndefined();
  });
});
