import type { ReactNode, RefObject } from 'react';
import { FullscreenButton } from './FullscreenButton';
import { PictureInPictureButton } from './PictureInPictureButton';
import { PlayPauseButton } from './PlayPauseButton';
import { QualityMenu } from './QualityMenu';
import { SeekBar } from './seekPreview/SeekBar';
import { SpeedMenu } from './SpeedMenu';
import { SubtitlesMenu } from './SubtitlesMenu';
import { TimeDisplay } from './TimeDisplay';
import type { Quality } from './useHlsJsEngine';
import type { useControlsVisibility } from './useControlsVisibility';
import { VolumeControl } from './VolumeControl';

interface Props {
  video: RefObject<HTMLVideoElement | null>;
  container: RefObject<HTMLElement | null>;
  bar: RefObject<HTMLDivElement | null>;
  trickplayUrl: string | null;
  itemDuration: number;
  engine: Quality;
  handlers: ReturnType<typeof useControlsVisibility>['chrome'];
  /** A notice above the seek bar (the "Resumed at …" one). */
  notice?: ReactNode;
}

/**
 * The player's one set of controls (the video element has no native `controls`), over the
 * bottom of the picture, in full screen too (the container is what goes full screen): the
 * seek bar with its previews, then play/pause, mute and volume, the time, and the menus.
 */
export function ControlBar({ video, container, bar, trickplayUrl, itemDuration, engine, handlers, notice }: Props) {
  return (
    <div ref={bar} className="player-chrome" role="group" aria-label="Video controls" {...handlers}>
      {notice}
      <SeekBar video={video} trickplayUrl={trickplayUrl} duration={itemDuration} />
      <div className="player-bar">
        <span className="player-bar-group">
          <PlayPauseButton video={video} />
          <VolumeControl video={video} />
          <TimeDisplay video={video} itemDuration={itemDuration} />
        </span>
        <span className="player-bar-group player-bar-end">
          <SubtitlesMenu tracks={engine.subtitles} chosen={engine.chosenSubtitle} onChoose={engine.chooseSubtitle} />
          <SpeedMenu video={video} />
          <QualityMenu {...engine} />
          <PictureInPictureButton video={video} />
          <FullscreenButton video={video} container={container} />
        </span>
      </div>
    </div>
  );
}
