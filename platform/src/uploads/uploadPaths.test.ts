import { expect, test } from 'vitest';
import { numberedName, safeUploadName, uploadFolderOf, uploaderOf } from './uploadPaths.js';

test.each([
  ['uploads/anna/IMG_0001.HEIC', 'anna'],
  ['uploads/anna.b-c_d/clip.mp4', 'anna.b-c_d'],
  ['IMG_0001.HEIC', null],
  ['uploads/IMG_0001.HEIC', null],
  ['uploads/anna/deeper/IMG_0001.HEIC', null],
  ['failed/uploads/anna/IMG_0001.HEIC', null],
  ['uploads/a b/IMG_0001.HEIC', null],
  ['uploads/~.anna/IMG_0001.HEIC', '.anna'],
  ['uploads/~../IMG_0001.HEIC', '..'],
  ['uploads/.anna/IMG_0001.HEIC', null],
  ['uploads/~anna/IMG_0001.HEIC', null],
])('%s was uploaded by %s', (relativePath, username) => {
  expect(uploaderOf(relativePath)).toBe(username);
});

test.each([
  ['IMG_0001.HEIC', 'IMG_0001.HEIC'],
  ['../../etc/passwd', 'passwd'],
  ['C:\\Users\\anna\\photo.jpg', 'photo.jpg'],
  ['..', 'upload'],
  ['', 'upload'],
  [null, 'upload'],
  ['.DS_Store', 'DS_Store'],
  ['clip.mp4.crdownload', 'clip.mp4.crdownload.upload'],
  ['Thumbs.db', 'Thumbs.db.upload'],
  ['tab\there.jpg', 'tabhere.jpg'],
  [`${'é'.repeat(150)}.jpg`, `${'é'.repeat(98)}.jpg`],
])('%j is kept as %j', (name, safe) => {
  expect(safeUploadName(name)).toBe(safe);
});

test('numbers a taken name before its extension', () => {
  expect([numberedName('a.jpg', 1), numberedName('a.jpg', 2), numberedName('noext', 3)]).toEqual([
    'a.jpg',
    'a (2).jpg',
    'noext (3)',
  ]);
});

test('a username starting with a dot gets a folder the watcher sees, inside uploads/', () => {
  expect([uploadFolderOf('anna'), uploadFolderOf('.anna'), uploadFolderOf('..')]).toEqual([
    'uploads/anna',
    'uploads/~.anna',
    'uploads/~..',
  ]);
  expect(() => uploadFolderOf('a/b')).toThrow();
});
