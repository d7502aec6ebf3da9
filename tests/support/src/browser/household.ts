import path from 'node:path';
import { generateImage, generateVideo, type VideoSpec } from '../media/index.js';
import type { Stack, StackUser } from '../stack/index.js';

/** A household member as the browser tests know them: what they type into the sign-in form, and their name. */
export interface Member {
  login: string;
  password: string;
  fullName: string;
}

export const anna: Member = { login: 'anna', password: 'Kitchen#Table7', fullName: 'Anna Berg' };
export const ben: Member = { login: 'ben', password: 'Garden#Shed42', fullName: 'Ben Berg' };

/** The members as the CLI creates them (startBrowserStack's `users`). */
export const asUsers = (...members: Member[]): StackUser[] =>
  members.map(({ login, password, fullName }) => ({ username: login, password, fullName }));

/** A photo to import: its file name and its EXIF date taken (`YYYY:MM:DD hh:mm:ss`). */
export type DatedPhoto = readonly [name: string, dateTaken: string];

/** A video for startBrowserStack: generateVideo's spec, its file named inside imports/. */
export type GeneratedVideo = Omit<VideoSpec, 'file'> & { name: string };

/**
 * A `prepare` for startBrowserStack: 640×480 JPEGs with these dates taken and generated videos
 * dropped into imports/, then processed; a failure to process stops the set-up with the
 * processor's output.
 */
export function importGeneratedMedia(
  photos: readonly DatedPhoto[],
  videos: readonly GeneratedVideo[],
): (stack: Stack) => Promise<void> {
  return async (stack) => {
    for (const [name, dateTaken] of photos)
      await generateImage({
        file: path.join(stack.dirs.imports, name),
        width: 640,
        height: 480,
        format: 'jpeg',
        exif: { dateTaken },
      });
    for (const { name, ...spec } of videos) await generateVideo({ ...spec, file: path.join(stack.dirs.imports, name) });
    const processed = await stack.processImports();
    if (processed.exitCode !== 0) throw new Error(`processing the media failed:\n${processed.output}`);
  };
}
