import type { ButtonHTMLAttributes } from 'react';

type ButtonKind = 'primary' | 'secondary' | 'danger' | 'link';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly kind?: ButtonKind;
}

/** A plain button; `type="button"` by default so it never submits a form by accident. */
export function Button({ kind = 'secondary', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={`btn btn-${kind}${className ? ` ${className}` : ''}`} {...rest} />;
}
