import type { ComponentProps } from "react";

/**
 * A form the page sends itself (through a mutation) instead of the browser: the submit event never reloads
 * the page, and the handler gets the form element to read its fields from or reset.
 */
export function ClientForm({
  onSubmit,
  ...props
}: Omit<ComponentProps<"form">, "onSubmit"> & { onSubmit: (form: HTMLFormElement) => void }) {
  return (
    <form
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(e.currentTarget);
      }}
    />
  );
}
