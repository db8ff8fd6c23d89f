import { RespondentNotice } from "@/components/respondent/respondent-shell";

export default function SurveyLinkNotFound() {
  return (
    <RespondentNotice title="This survey link doesn’t exist" testId="survey-not-found">
      <p>Check that the whole link was copied. If it came from a message, ask the sender for a fresh one.</p>
    </RespondentNotice>
  );
}
