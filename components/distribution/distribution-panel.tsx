"use client";
import Link from "next/link";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, InputField } from "@/components/ui/field";
import { ErrorAlert, InlineError, SubmitRow } from "@/components/ui/form-status";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { SERIES_DEFAULTS, channelLabels, messageKindLabels, type Channel } from "@/lib/distribution/constants";
import {
  usePreviewMessage,
  useRemindNow,
  useSaveSeries,
  useStopSeries,
  useScheduleMessages,
  useSurveyDistribution,
  type SurveyDistribution,
} from "@/lib/distribution/hooks";
import { SendLog } from "./send-log";

type Team = { id: string; name: string };

/** The survey's "Distribution" tab (editors): its series, previews, scheduling and the send log. */
export function DistributionPanel({ surveyId, status, teams }: { surveyId: string; status: string; teams: Team[] }) {
  const distribution = useSurveyDistribution(surveyId);
  if (distribution.isPending) return <Skeleton height={240} />;
  if (distribution.isError)
    return (
      <QueryError
        what="this survey's distribution"
        error={distribution.error}
        onRetry={() => distribution.refetch()}
        retrying={distribution.isFetching}
      />
    );
  const data = distribution.data;
  return (
    <div className="stack">
      <ChannelStatus data={data} teams={teams} />
      <SeriesForm surveyId={surveyId} series={data.series} teams={teams} />
      {data.series ? <Previews surveyId={surveyId} data={data} teams={teams} /> : null}
      {data.series ? <Scheduling surveyId={surveyId} status={status} data={data} /> : null}
    </div>
  );
}

function ChannelStatus({ data, teams }: { data: SurveyDistribution; teams: Team[] }) {
  const wanted = new Set(data.series?.teamIds ?? []);
  const missing = data.series?.slack
    ? [...data.channels.filter((c) => c.url === null && (c.teamId ? wanted.has(c.teamId) : true)).map((c) => c.name)]
    : [];
  return (
    <section className="card stack" aria-labelledby="channels-heading">
      <h2 id="channels-heading">Channels</h2>
      {data.email.configured ? (
        <p className="small">Email is sent from {data.email.from}.</p>
      ) : (
        <p className="small" data-testid="email-not-configured">
          <strong>Email is not configured.</strong> {data.email.hint}
        </p>
      )}
      {missing.length ? <p className="small">No Slack channel yet for {missing.join(", ")}.</p> : null}
      {teams.length === 0 ? <p className="small muted">Add teams in Settings first.</p> : null}
      <div>
        <Link className="btn btn-sm" href="/settings/distribution">
          Slack channels and email settings
        </Link>
      </div>
    </section>
  );
}

function SeriesForm({
  surveyId,
  series,
  teams,
}: {
  surveyId: string;
  series: SurveyDistribution["series"];
  teams: Team[];
}) {
  const save = useSaveSeries(surveyId);
  const stop = useStopSeries(surveyId);
  const errors = save.fieldErrors;
  const current = series ?? { teamIds: [] as string[], email: true, slack: false, ...SERIES_DEFAULTS };
  const number = (data: FormData, name: string) => Number(data.get(name));
  return (
    <section className="card stack" aria-labelledby="series-heading">
      <h2 id="series-heading">Quarterly series</h2>
      <p className="muted small">
        Before each quarter the next survey is drafted by copying this one (same question keys, so trends line up) and
        the editors are asked to review and publish it. It then opens and closes on its dates, and the messages below go
        out on their own.
      </p>
      <ClientForm
        className="stack"
        onSubmit={(form) => {
          const data = new FormData(form);
          save.mutate({
            teamIds: data.getAll("teamIds"),
            email: data.get("email") === "on",
            slack: data.get("slack") === "on",
            openDays: number(data, "openDays"),
            remindDaysBeforeClose: number(data, "remindDaysBeforeClose"),
            draftDaysBefore: number(data, "draftDaysBefore"),
          });
        }}
      >
        <fieldset className="stack" aria-describedby={errors.teamIds ? "series-teams-error" : undefined}>
          <legend>Teams</legend>
          {teams.length === 0 ? <p className="muted small">No teams yet: add them in Settings.</p> : null}
          <div className="row">
            {teams.map((t) => (
              <label key={t.id} className="row checkbox-row">
                <input type="checkbox" name="teamIds" value={t.id} defaultChecked={current.teamIds.includes(t.id)} />{" "}
                {t.name}
              </label>
            ))}
          </div>
          <span id="series-teams-error">
            <InlineError message={errors.teamIds?.[0]} />
          </span>
        </fieldset>
        <fieldset className="stack">
          <legend>Channels</legend>
          <div className="row">
            <label className="row checkbox-row">
              <input type="checkbox" name="email" defaultChecked={current.email} /> Email to each team&apos;s invite
              list
            </label>
            <label className="row checkbox-row">
              <input type="checkbox" name="slack" defaultChecked={current.slack} /> Slack: each team&apos;s channel, and
              the summary to leadership
            </label>
          </div>
          <InlineError message={errors.email?.[0]} />
        </fieldset>
        <div className="grid-2">
          <InputField
            label="Days open"
            name="openDays"
            type="number"
            min={1}
            max={60}
            defaultValue={current.openDays}
            error={errors.openDays}
          />
          <InputField
            label="Reminder, days before it closes"
            hint="0: no scheduled reminder"
            name="remindDaysBeforeClose"
            type="number"
            min={0}
            max={30}
            defaultValue={current.remindDaysBeforeClose}
            error={errors.remindDaysBeforeClose}
          />
          <InputField
            label="Draft the next survey, days before its quarter"
            name="draftDaysBefore"
            type="number"
            min={1}
            max={60}
            defaultValue={current.draftDaysBefore}
            error={errors.draftDaysBefore}
          />
        </div>
        <SubmitRow
          mutation={save}
          label={series ? "Save series" : "Make this a quarterly series"}
          pendingLabel="Saving…"
          doneLabel="Saved"
        />
      </ClientForm>
      {series ? (
        <div className="stack">
          <ConfirmButton
            className="btn btn-sm"
            disabled={stop.isPending}
            title="Stop this series?"
            consequence="No further quarter will be drafted, and this survey's messages that have not gone out yet will not be sent. Surveys already drafted and the send log stay."
            confirmLabel="Stop the series"
            onConfirm={() => stop.mutate()}
          >
            Stop the series
          </ConfirmButton>
          <ErrorAlert message={stop.error?.message} />
        </div>
      ) : null}
    </section>
  );
}

const PREVIEWABLE: { kind: "announce" | "remind" | "summary"; channels: Channel[] }[] = [
  { kind: "announce", channels: ["email", "slack"] },
  { kind: "remind", channels: ["email", "slack"] },
  { kind: "summary", channels: ["slack"] },
];

function Previews({ surveyId, data, teams }: { surveyId: string; data: SurveyDistribution; teams: Team[] }) {
  const preview = usePreviewMessage(surveyId);
  const seriesTeams = teams.filter((t) => data.series?.teamIds.includes(t.id));
  const [teamId, setTeamId] = useState(seriesTeams[0]?.id ?? "");
  const shown = preview.data;
  const options = PREVIEWABLE.flatMap((p) =>
    p.channels
      .filter((c) => (c === "email" ? data.series?.email : data.series?.slack))
      .map((channel) => ({ kind: p.kind, channel })),
  );
  return (
    <section className="card stack" aria-labelledby="previews-heading">
      <h2 id="previews-heading">Preview the messages</h2>
      <p className="muted small">Exactly what is sent; nothing is sent from a preview.</p>
      {seriesTeams.length > 1 ? (
        <Field label="Team">
          {(p) => (
            <select {...p} className="input" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {seriesTeams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="row">
        {options.map((o) => (
          <button
            key={`${o.kind}-${o.channel}`}
            type="button"
            className="btn btn-sm"
            disabled={preview.isPending}
            onClick={() => preview.mutate({ kind: o.kind, channel: o.channel, teamId: teamId || null })}
          >
            {messageKindLabels[o.kind]} · {channelLabels[o.channel]}
          </button>
        ))}
      </div>
      <ErrorAlert message={preview.generalError} />
      {shown ? (
        <div className="stack" data-testid="message-preview">
          <p className="small">
            <strong>To:</strong> {shown.to}
            {shown.subject ? (
              <>
                <br />
                <strong>Subject:</strong> {shown.subject}
              </>
            ) : null}
          </p>
          <pre
            className="small"
            style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
            data-testid="preview-text"
          >
            {shown.text}
          </pre>
          {shown.html ? (
            <iframe
              title="The email as HTML"
              sandbox=""
              srcDoc={shown.html}
              style={{ width: "100%", minHeight: 320, border: "1px solid var(--border, #ccc)" }}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Scheduling({ surveyId, status, data }: { surveyId: string; status: string; data: SurveyDistribution }) {
  const schedule = useScheduleMessages(surveyId);
  const remind = useRemindNow(surveyId);
  return (
    <section className="card stack" aria-labelledby="send-log-heading">
      <h2 id="send-log-heading">Scheduled messages and send log</h2>
      <p className="muted small">
        The announcement goes out when the survey opens, the reminder before it closes (email only to people who have
        not answered), the summary to leadership when it closes. Failed sends are retried with growing pauses; nothing
        is sent twice. Emails are counted, never listed, and a reminder&apos;s recipients are not counted: they are who
        had not answered.
      </p>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={schedule.isPending}
          onClick={() => schedule.mutate()}
        >
          {data.messages.length ? "Schedule again with these settings" : "Schedule messages"}
        </button>
        {status === "open" ? (
          <ConfirmButton
            className="btn"
            disabled={remind.isPending}
            title="Send a reminder now?"
            consequence="Everyone on the teams' lists who has not answered gets an email with a fresh link, and each team's Slack channel gets a reminder."
            confirmLabel="Send reminder"
            onConfirm={() => remind.mutate()}
          >
            Send a reminder now
          </ConfirmButton>
        ) : null}
      </div>
      <ErrorAlert message={(schedule.error ?? remind.error)?.message} />
      <SendLog rows={data.messages} />
    </section>
  );
}
