/** One output of the ABR ladder. */
export interface Rung {
  name: string;
  width: number;
  height: number;
  /** Capped so each variant's BANDWIDTH differs and tells the truth (-b:v/-maxrate/-bufsize). */
  videoKbps: number;
  maxKbps: number;
  bufferKbps: number;
  audioKbps: number;
  profile: 'high' | 'main';
  /** H.264 level as ffmpeg takes it, and as the CODECS attribute spells it. */
  level: '4.2' | '4.0' | '3.1';
  codecs: string;
}

interface RungSpec {
  /** The short side: 720 for 1280×720 landscape and for 720×1280 portrait alike. */
  shortSide: number;
  videoKbps: number;
  audioKbps: number;
  /** A source between this rung and the next gets this rung at its own size. */
  fitsSource?: boolean;
}

const LADDER: RungSpec[] = [
  { shortSide: 1080, videoKbps: 5000, audioKbps: 128, fitsSource: true },
  { shortSide: 720, videoKbps: 2800, audioKbps: 128 },
  { shortSide: 480, videoKbps: 1400, audioKbps: 96 },
  { shortSide: 360, videoKbps: 800, audioKbps: 64 },
];

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
/** Even (4:2:0 needs it) and never past the source: rounding must not enlarge by a pixel. */
const evenWithin = (n: number, limit: number) => Math.max(2, Math.min(even(n), Math.floor(limit / 2) * 2));

/**
 * avc1.PPCCLL from what x264 writes in the SPS: profile_idc (High 0x64, Main 0x4d), the
 * constraint flags (x264 sets constraint_set1 for Main) and level_idc.
 */
function avcCodec(profile: Rung['profile'], level: Rung['level']): string {
  const profileHex = profile === 'high' ? '6400' : '4d40';
  const levelHex = (Math.round(Number(level) * 10) >>> 0).toString(16).padStart(2, '0');
  return `avc1.${profileHex}${levelHex}`;
}

/**
 * Level 4.2 holds 1080p at up to 60 fps (4.0 only to 30); 4.0 holds 720p at 60; Main 3.1 for the small rungs, which every phone decodes in hardware.
 */
function profileAndLevel(shortSide: number): Pick<Rung, 'profile' | 'level'> {
  if (shortSide > 720) return { profile: 'high', level: '4.2' };
  if (shortSide > 480) return { profile: 'high', level: '4.0' };
  return { profile: 'main', level: '3.1' };
}

function rung(spec: RungSpec, width: number, height: number, shortSide: number): Rung {
  const landscape = width >= height;
  const scale = shortSide / Math.min(width, height);
  const outWidth = evenWithin(landscape ? width * scale : shortSide, width);
  const outHeight = evenWithin(landscape ? shortSide : height * scale, height);
  const { profile, level } = profileAndLevel(shortSide);
  return {
    name: `${shortSide}p`,
    width: outWidth,
    height: outHeight,
    videoKbps: spec.videoKbps,
    maxKbps: Math.round(spec.videoKbps * 1.07),
    bufferKbps: spec.videoKbps * 2,
    audioKbps: spec.audioKbps,
    profile,
    level,
    codecs: avcCodec(profile, level),
  };
}

/** The default top of the ladder; `VIDEO_MAX_HEIGHT` lowers it (720 on a slow machine). */
export const DEFAULT_MAX_SHORT_SIDE = 1080;

/**
 * The top rung for a source between two rungs (a 1000-pixel short side): its own size,
 * never enlarged, at a bitrate between its neighbours' by pixel count, so it sits strictly
 * between them.
 */
function partialTop(spec: RungSpec, below: RungSpec, short: number): RungSpec {
  const shortSide = evenWithin(short, short);
  const share = (shortSide ** 2 - below.shortSide ** 2) / (spec.shortSide ** 2 - below.shortSide ** 2);
  const videoKbps = Math.round(below.videoKbps + (spec.videoKbps - below.videoKbps) * share);
  return { shortSide, videoKbps: Math.max(videoKbps, below.videoKbps + 100), audioKbps: spec.audioKbps };
}

/**
 * The ladder for a video of this display size, by its short side (portrait alike): every
 * rung at or below the source and at or below `maxShortSide`, never enlarged (a 480p source
 * gives 480p and 360p). A source taller than 720 gets a top rung at 1080 or at its own size
 * when smaller. A source smaller than the lowest rung gets one variant at its own size and a
 * bitrate scaled to its pixel count.
 */
export function planLadder(width: number, height: number, maxShortSide = DEFAULT_MAX_SHORT_SIDE): Rung[] {
  const short = Math.min(width, height);
  const allowed = LADDER.filter((spec) => spec.shortSide <= maxShortSide);
  const specs = allowed.filter((spec) => spec.shortSide <= short);
  const [top, next] = allowed;
  if (top?.fitsSource && next && short > next.shortSide && short < top.shortSide)
    specs.unshift(partialTop(top, next, short));
  const rungs = specs.map((spec) => rung(spec, width, height, spec.shortSide));
  if (rungs.length > 0) return rungs;
  const lowest = LADDER[LADDER.length - 1]!;
  const share = Math.max(0.05, (width * height) / (640 * 360));
  const shortSide = evenWithin(short, short);
  const small = rung(
    { shortSide, videoKbps: Math.max(100, Math.round(lowest.videoKbps * share)), audioKbps: lowest.audioKbps },
    width,
    height,
    shortSide,
  );
  return [{ ...small, name: `${small.height < small.width ? small.height : small.width}p` }];
}
