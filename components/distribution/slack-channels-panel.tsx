"use client";
import { ClientForm } from "@/components/ui/client-form";
import { InputField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/form-status";
import { TableScroll } from "@/components/ui/table-scroll";
import { useSaveSlackChannel, useSlackChannels, type SlackChannels } from "@/lib/distribution/hooks";
import type { Wire } from "@/lib/api/wire";

/** Settings → Distribution: whether email works, and a Slack incoming webhook per team and for leadership. */
export function SlackChannelsPanel({ initial }: { initial: Wire<SlackChannels> }) {
  const channels = useSlackChannels(initial);
  const { email } = channels.data;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="email-heading">
        <h2 id="email-heading">Email</h2>
        {email.configured ? (
          <p>
            Email is configured and sent from <strong>{email.from}</strong>.
          </p>
        ) : (
          <p data-testid="email-not-configured">
            <strong>Email is not configured.</strong> {email.hint}
          </p>
        )}
      </section>
      <section className="card stack" aria-labelledby="slack-heading">
        <h2 id="slack-heading">Slack channels</h2>
        <p className="muted small">
          In Slack, add the “Incoming Webhooks” app to a channel and paste its URL here. Anyone holding the URL can post
          to the channel, so it is never shown again whole.
        </p>
        <TableScroll label="Slack channels">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Incoming webhook</th>
              </tr>
            </thead>
            <tbody>
              {channels.data.channels.map((c) => (
                <ChannelRow key={c.key} channel={c} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}

function ChannelRow({ channel }: { channel: Wire<SlackChannels>["channels"][number] }) {
  const save = useSaveSlackChannel();
  return (
    <tr data-testid="slack-channel" data-key={channel.key}>
      <th scope="row">{channel.name}</th>
      <td>
        <ClientForm
          className="stack"
          onSubmit={(form) => {
            const url = String(new FormData(form).get("url") ?? "");
            save.mutate({ key: channel.key, url }, { onSuccess: () => form.reset() });
          }}
        >
          <p className="small mono" style={{ overflowWrap: "anywhere" }}>
            {channel.url ?? <span className="muted">Not set</span>}
          </p>
          <InputField
            label={`${channel.url ? "Replace" : "Set"} the URL for ${channel.name}`}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://hooks.slack.com/services/…"
            error={save.fieldErrors.url}
          />
          <SubmitRow mutation={save} label="Save" pendingLabel="Saving…" doneLabel="Saved">
            {channel.url ? (
              <button
                type="button"
                className="btn btn-sm"
                disabled={save.isPending}
                onClick={() => save.mutate({ key: channel.key, url: "" })}
              >
                Remove
              </button>
            ) : null}
          </SubmitRow>
        </ClientForm>
      </td>
    </tr>
  );
}
