// Proves the global shortcuts: typing is never a shortcut, single keys can be turned off, Escape always works.
import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyAction, takesSpace, type KeyContext } from '../../src/lib/keys/keymap';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const on: KeyContext = { presenting: false, singleKeys: true, inField: false };

describe('keyAction', () => {
  it.each([
    ['p', on, 'present'],
    ['P', on, 'present'],
    ['?', on, 'help'],
    ['Escape', on, 'escape'],
    [' ', on, null],
    [' ', { ...on, presenting: true }, 'play'],
    ['x', on, null],
    ['p', { ...on, inField: true }, null],
    ['Escape', { ...on, inField: true }, null],
  ] as const)('%j in %j → %s', (key, ctx, action) => {
    expect(keyAction(press(key), ctx)).toBe(action);
  });

  it('turns single-key shortcuts off but keeps Escape', () => {
    const off = { ...on, singleKeys: false, presenting: true };
    expect(keyAction(press('p'), off)).toBeNull();
    expect(keyAction(press('?'), off)).toBeNull();
    expect(keyAction(press(' '), off)).toBeNull();
    expect(keyAction(press('Escape'), off)).toBe('escape');
  });

  it('leaves browser shortcuts with modifiers alone', () => {
    expect(keyAction(press('p', { ctrlKey: true }), on)).toBeNull();
    expect(keyAction(press('p', { metaKey: true }), on)).toBeNull();
    expect(keyAction(press('p', { altKey: true }), on)).toBeNull();
  });

  it.each([
    ['ArrowRight', 'next-scene'],
    ['PageDown', 'next-scene'],
    ['ArrowLeft', 'previous-scene'],
    ['PageUp', 'previous-scene'],
  ] as const)('%s steps the story while presenting, even with single keys off', (key, action) => {
    expect(keyAction(press(key), { ...on, presenting: true })).toBe(action);
    expect(keyAction(press(key), { ...on, presenting: true, singleKeys: false })).toBe(action);
    expect(keyAction(press(key), on)).toBeNull();
    expect(keyAction(press(key), { ...on, presenting: true, arrowsTaken: true })).toBeNull();
    expect(keyAction(press(key), { ...on, presenting: true, inField: true })).toBeNull();
    expect(keyAction(press(key, { altKey: true }), { ...on, presenting: true })).toBeNull();
  });

  it('leaves Space to a focused button or checkbox', () => {
    expect(keyAction(press(' '), { ...on, presenting: true, spaceTaken: true })).toBeNull();
    expect(takesSpace('BUTTON', null)).toBe(true);
    expect(takesSpace('DIV', 'button')).toBe(true);
    expect(takesSpace('DIV', 'application')).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('treats text inputs, selects, text areas and editable elements as typing', () => {
    expect(isTypingTarget('INPUT', false, 'text')).toBe(true);
    expect(isTypingTarget('INPUT', false, 'search')).toBe(true);
    expect(isTypingTarget('SELECT', false)).toBe(true);
    expect(isTypingTarget('TEXTAREA', false)).toBe(true);
    expect(isTypingTarget('DIV', true)).toBe(true);
  });
  it('lets shortcuts through from buttons, checkboxes and the graph', () => {
    expect(isTypingTarget('INPUT', false, 'checkbox')).toBe(false);
    expect(isTypingTarget('BUTTON', false)).toBe(false);
    expect(isTypingTarget('DIV', false)).toBe(false);
  });
});
