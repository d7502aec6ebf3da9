interface Props {
  percent: number | null;
  label: string;
}

/** A native <progress>: announced by screen readers, styled by CSS, no inline styles. */
export function ProgressBar({ percent, label }: Props) {
  const value = percent === null ? undefined : Math.max(0, Math.min(100, percent));
  return (
    <progress className="progress" max={100} value={value} aria-label={label}>
      {value === undefined ? '' : `${Math.round(value)} %`}
    </progress>
  );
}
