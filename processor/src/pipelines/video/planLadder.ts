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
  level: '4.0' | '3.1';
  codecs: string;
}

interface RungSpec {
  /** The short side: 720 for 1280×720 landscape and for 720×1280 portrait alike. */
  shortSide: number;
  videoKbps: number;
  audioKbps: number;
}

const LADDER: RungSpec[] = [
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

function rung(spec: RungSpec, width: number, height: number, shortSide: number): Rung {
  const landscape = width >= height;
  const scale = shortSide / Math.min(width, height);
  const outWidth = evenWithin(landscape ? width * scale : shortSide, width);
  const outHeight = evenWithin(landscape ? shortSide : height * scale, height);
  const profile = shortSide > 480 ? 'high' : 'main';
  const level = shortSide > 480 ? '4.0' : '3.1';
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

/**
 * The ladder for a video of this display size: every rung at or below the source, never
 * enlarged (a 480p source gives 480p and 360p). A source smaller than the lowest rung gets
 * one variant at its own size and a bitrate scaled to its pixel count.
 */
export function planLadder(width: number, height: number): Rung[] {
  const short = Math.min(width, height);
  const rungs = LADDER.filter((spec) => spec.shortSide <= short).map((spec) =>
    rung(spec, width, height, spec.shortSide),
  );
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
