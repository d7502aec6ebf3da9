/** How a phone stored the clip in the photo file. */
export type MotionLayout = 'microvideo' | 'motionphoto' | 'samsung';

/** Where the clip lies in the photo file: `videoLength` bytes from `videoStart`, an MP4 or QuickTime. */
export interface MotionRange {
  videoStart: number;
  videoLength: number;
  layout: MotionLayout;
}

/** What a layout claims, before the bytes have been checked. */
export interface MotionClaim extends MotionRange {
  /** Where the JPEG must end (its EOI marker just before this offset), when the layout says. */
  stillEndsAt?: number;
}

/**
 * Why a file that looked like a motion photo is taken as a plain photo. `final`: the file says
 * it is none (MotionPhoto=0), so no other layout is asked either.
 */
export type Refusal = { refused: string; final?: boolean };

/** Logs where motion-photo detection says why it gave up; the photo goes on regardless. */
export interface MotionLog {
  info(object: object, message: string): void;
}
