// GET /api/distribution/channels — Slack channels (masked) and whether email is configured · PUT — set
// or remove one channel's incoming webhook URL (editor)
import { route } from "@/lib/api/route";
import { emailStatus, listSlackChannels, saveSlackChannel } from "@/lib/distribution/queries";
import { slackChannelSchema } from "@/lib/distribution/schemas";

export const GET = route({ access: "editor" }, async () => ({
  channels: await listSlackChannels(),
  email: emailStatus(),
}));

export const PUT = route({ access: "editor", body: slackChannelSchema }, async ({ body, user }) => ({
  channels: await saveSlackChannel({ input: body, actor: user }),
  email: emailStatus(),
}));
