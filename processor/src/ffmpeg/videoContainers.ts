/**
 * The only demuxers ffmpeg and ffprobe may use on an import: real container formats, each a
 * single file holding its own media. Spelled as ffprobe reports `format_name` (and as `-f`
 * takes it). Everything else is refused, above all formats that name other files (HLS, DASH,
 * concat, image sequences), pipes and devices: a text file called holiday.mp4 must not lead
 * ffmpeg to media outside imports/.
 */
export const VIDEO_CONTAINER_DEMUXERS = [
  // iPhone, Android and most cameras (.mp4, .mov, .m4v); old phones' .3gp/.3g2; Motion JPEG 2000.
  'mov,mp4,m4a,3gp,3g2,mj2',
  // .mkv, .webm (screen recorders, downloads, VP8/VP9/AV1).
  'matroska,webm',
  // .avi: webcams and the movie mode of older compact cameras (MJPEG).
  'avi',
  // .flv: old web downloads and webcam software.
  'flv',
  // .wmv/.asf: Windows Movie Maker, older Windows phones.
  'asf',
  // .mts/.m2ts (AVCHD camcorders), .ts recordings.
  'mpegts',
  // .mpg/.mpeg/.vob/.mod/.tod: MPEG-PS from DVDs and tape-less camcorders.
  'mpeg',
  // .ogv (Theora).
  'ogg',
  // .mxf: professional and some consumer camcorders.
  'mxf',
  // .dv: MiniDV tapes captured over FireWire.
  'dv',
  // .rm/.rmvb: RealVideo files from the early 2000s.
  'rm',
] as const;

export type VideoContainer = (typeof VIDEO_CONTAINER_DEMUXERS)[number];

export function isVideoContainer(formatName: string): formatName is VideoContainer {
  return (VIDEO_CONTAINER_DEMUXERS as readonly string[]).includes(formatName);
}
