import type { ReactNode } from 'react';

interface Props {
  /** The ids chosen; the button is off with none, or more than `limit`, or while `busy`. */
  chosen: readonly string[];
  /** The most one request takes (the server refuses more). */
  limit: number;
  busy: boolean;
  title: string;
  className?: string;
  onClick: () => void;
  children: ReactNode;
}

/** A selection bar action that acts on every chosen item in one request, up to the server's limit. */
export function SelectionLimitButton({
  chosen,
  limit,
  busy,
  title,
  className = 'button subtle',
  onClick,
  children,
}: Props) {
  const tooMany = chosen.length > limit;
  return (
    <button
      type="button"
      className={className}
      disabled={chosen.length === 0 || tooMany || busy}
      title={tooMany ? `At most ${limit} items at a time` : title}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
