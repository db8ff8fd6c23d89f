"use client";
import { useState } from "react";

/** Copies text to the clipboard and says so, for sighted and screen-reader users alike. */
export function CopyButton({
  text,
  label = "Copy link",
  className = "btn btn-sm",
}: {
  text: string;
  label?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  return (
    <button
      type="button"
      className={className}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied("ok");
        } catch {
          setCopied("failed");
        }
        setTimeout(() => setCopied(null), 2000);
      }}
    >
      <span aria-live="polite">
        {copied === "ok" ? "Copied" : copied === "failed" ? "Copy failed — select the link" : label}
      </span>
    </button>
  );
}
