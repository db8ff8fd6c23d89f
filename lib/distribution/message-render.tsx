// An email's HTML from its content (./message-content.ts), by React's static renderer: plain markup
// with inline styles, as mail clients need, and no template library.
import type { MessageContent } from "./message-content";

function EmailBody({ content }: { content: MessageContent }) {
  const text = { fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", color: "#1f2933", lineHeight: 1.5 };
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole email document, rendered outside Next's pages */}
      <head>
        <meta charSet="utf-8" />
        <title>{content.subject}</title>
      </head>
      <body style={{ margin: 0, padding: "24px", background: "#f5f7fa" }}>
        <div style={{ ...text, maxWidth: 560, margin: "0 auto", background: "#ffffff", padding: "24px" }}>
          {content.paragraphs.map((p, i) => (
            <p key={i}>{p.replace(/\*/g, "")}</p>
          ))}
          {content.table ? (
            <table style={{ borderCollapse: "collapse", width: "100%" }}>
              <thead>
                <tr>
                  {content.table.head.map((h) => (
                    <th key={h} style={{ textAlign: "left", borderBottom: "1px solid #cbd2d9", padding: "4px" }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {content.table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j} style={{ padding: "4px" }}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {content.action ? (
            <p>
              <a
                href={content.action.url}
                style={{ background: "#1d4ed8", color: "#ffffff", padding: "10px 16px", textDecoration: "none" }}
              >
                {content.action.label}
              </a>
            </p>
          ) : null}
          {content.action ? <p style={{ fontSize: 13, color: "#52606d" }}>{content.action.url}</p> : null}
        </div>
      </body>
    </html>
  );
}

// Loaded at run time, outside the bundle, as in lib/responses/respondent-html.tsx (route handlers are
// built for the React Server Components environment, where react-dom/server is refused).
let renderer: Promise<typeof import("react-dom/server")> | undefined;

export async function renderEmailHtml(content: MessageContent): Promise<string> {
  renderer ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server");
  const { renderToStaticMarkup } = await renderer;
  return `<!doctype html>${renderToStaticMarkup(<EmailBody content={content} />)}`;
}
