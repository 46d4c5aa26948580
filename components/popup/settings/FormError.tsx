/**
 * A settings form's error and the fields it is about: the error is announced when it appears
 * (`role="alert"`) and read with each field it names (`aria-describedby`), which is marked invalid.
 */

/** The attributes of a field in a form whose error is `error` (the form's id is `id`). */
export const fieldErrorProps = (id: string, error: string | null) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : undefined,
});

/** The form's error, if any, under its fields. */
export function FormError({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <p id={`${id}-error`} class="settings-error" role="alert">
      {error}
    </p>
  ) : null;
}
