import Link from "next/link";
import type { DraftToReview } from "@/lib/distribution/queries";

/** The surveys page's notice: surveys a series drafted that wait for an editor to review and publish them. */
export function DraftsToReview({ drafts }: { drafts: DraftToReview[] }) {
  if (drafts.length === 0) return null;
  return (
    <div className="alert" role="status" data-testid="drafts-to-review">
      <strong>
        {drafts.length === 1 ? "A survey series drafted the next survey." : "Survey series drafted the next surveys."}
      </strong>{" "}
      Review {drafts.length === 1 ? "it" : "them"} and publish: a draft never opens by itself.
      <ul>
        {drafts.map((d) => (
          <li key={d.id}>
            <Link className="text-link" href={`/surveys/${d.id}`}>
              {d.title}
            </Link>{" "}
            ({d.period}
            {d.opensOn && d.closesOn ? `, ${d.opensOn} to ${d.closesOn}` : ""})
          </li>
        ))}
      </ul>
    </div>
  );
}
