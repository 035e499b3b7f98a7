/** What the header's text boxes (plain, with suggestions, dates) take from the form, defined once. */

/** The attributes every header control carries: the id its label points at, its state, its field key. */
export interface HeaderControlAttributes {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-required': boolean;
  readonly 'data-field': string;
}

export interface HeaderTextBoxProps {
  readonly text: string;
  readonly placeholder: string | undefined;
  readonly onChange: (text: string) => void;
  readonly common: HeaderControlAttributes;
}
