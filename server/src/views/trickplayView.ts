import { Type, type Static } from '@sinclair/typebox';
import { renditionUrl, type TrickplayIndex, type TrickplayView as ContractView } from '@keepsake/contracts';

const Count = Type.Integer({ minimum: 0 });
const Pixels = Type.Integer({ minimum: 1 });

/** A video's seek-bar previews (the contracts' TrickplayView): where each frame is, each sheet by signed URL. */
export const TrickplayView = Type.Object({
  version: Type.Literal(1),
  interval: Type.Number({ exclusiveMinimum: 0, description: 'seconds between frames: frame k shows k × interval' }),
  count: Count,
  tileWidth: Pixels,
  tileHeight: Pixels,
  columns: Pixels,
  rows: Pixels,
  sheets: Type.Array(
    Type.Object({
      url: Type.String({ description: 'the sheet (WebP), signed like the index' }),
      first: Count,
      count: Count,
      start: Type.Number({ minimum: 0 }),
    }),
  ),
});
export type TrickplayView = Static<typeof TrickplayView>;

/** The stored index as the browser gets it: each sheet's file name replaced by its signed URL. */
export function trickplayView(index: TrickplayIndex, mediaId: string, token: string): TrickplayView {
  const view: ContractView = {
    ...index,
    sheets: index.sheets.map(({ file: _file, ...sheet }, n) => ({
      ...sheet,
      url: `${trickplaySheetUrl(mediaId, n)}?t=${token}`,
    })),
  };
  return view;
}

/** The route of sheet n of an item's previews (before its `?t=`). */
export function trickplaySheetUrl(mediaId: string, sheet: number | string): string {
  return `${renditionUrl('trickplay', mediaId)}/${sheet}`;
}
