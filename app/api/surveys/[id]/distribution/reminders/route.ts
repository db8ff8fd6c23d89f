// POST /api/surveys/[id]/distribution/reminders — send a reminder now on the series' channels (editor)
import { route } from "@/lib/api/route";
import { getSendLog, sendReminderNow } from "@/lib/distribution/queries";
import { surveyIdParams } from "@/lib/distribution/schemas";

export const POST = route({ access: "editor", params: surveyIdParams }, async ({ params }) => {
  await sendReminderNow(params.id);
  return { messages: await getSendLog(params.id) };
});
