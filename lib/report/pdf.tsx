import "server-only";
import type { Formatter } from "@/lib/format";
import { formatTargetValue } from "@/lib/targets/format-value";
import { targetStatusLabels } from "@/lib/targets/status";
import type { LeadershipReport } from "./queries";

// The leadership report as a PDF, drawn with @react-pdf/renderer's primitives (text stays text, charts
// are vector paths). Loaded at run time and only here, so no other route carries the renderer.

type Pdf = typeof import("@react-pdf/renderer");

// The PDF's built-in Helvetica covers WinAnsi only: a true minus (U+2212) and a few other signs are swapped for their plain forms.
const plain = (text: string) => text.replace(/\u2212/g, "-").replace(/\u2009|\u202f/g, " ");

const BLUE = "#4f46e5";
const GREY = "#6b7280";

export async function renderReportPdf(report: LeadershipReport, format: Formatter): Promise<Buffer> {
  const pdf: Pdf = await import("@react-pdf/renderer");
  const { Document, Page, Text, View, Svg, Line, Rect, Circle, Polyline, StyleSheet, renderToBuffer } = pdf;
  const s = StyleSheet.create({
    page: { padding: 40, fontSize: 10, fontFamily: "Helvetica", color: "#111827" },
    small: { fontSize: 8, color: GREY },
    h1: { fontSize: 18, marginBottom: 4, fontFamily: "Helvetica-Bold" },
    h2: { fontSize: 13, marginTop: 14, marginBottom: 6, fontFamily: "Helvetica-Bold" },
    big: { fontSize: 22, fontFamily: "Helvetica-Bold" },
    row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb", paddingVertical: 3 },
    cell: { flex: 1 },
    num: { width: 70, textAlign: "right" },
  });
  type Style = import("@react-pdf/renderer").Styles[string];
  const T = ({ children, style }: { children: string; style?: Style }) => <Text style={style}>{plain(children)}</Text>;

  const trend = report.nps.trend.slice(-6);
  const W = 480;
  const H = 150;
  const lo = Math.max(-100, Math.floor(Math.min(0, ...trend.map((p) => p.ciLow)) / 20) * 20);
  const hi = Math.min(100, Math.ceil(Math.max(20, ...trend.map((p) => p.ciHigh)) / 20) * 20);
  const x = (i: number) => 40 + (trend.length <= 1 ? (W - 60) / 2 : (i / (trend.length - 1)) * (W - 60));
  const y = (v: number) => 10 + ((hi - v) / (hi - lo || 1)) * (H - 40);
  const drivers = report.drivers?.analysis;

  const doc = (
    <Document title={`DX Pulse leadership report ${report.period ?? ""}`} author="DX Pulse">
      <Page size="A4" style={s.page}>
        <T style={s.small}>{`DX Pulse · leadership report · ${format.date(new Date())}`}</T>
        <T style={s.h1}>{`Developer experience, ${report.period ?? "no published quarter yet"}`}</T>
        <T style={s.small}>
          {`Groups of fewer than ${report.k} people, and groups that would reveal them, are left out, as on the dashboard.`}
        </T>

        <T style={s.h2}>Platform NPS</T>
        {report.nps.current ? (
          <View>
            <T style={s.big}>{`NPS ${format.nps(report.nps.current.score)}`}</T>
            <T>{`95% interval ${format.interval(report.nps.current.ciLow, report.nps.current.ciHigh)} · ${format.number(report.nps.current.n)} answers`}</T>
            <T>
              {report.nps.change && report.nps.previous
                ? `${format.signed(report.nps.change.delta)} since ${report.nps.previous.period}${report.nps.change.withinNoise ? " (within noise)" : ""}`
                : "No earlier quarter to compare with."}
            </T>
            <Svg width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
              {[lo, (lo + hi) / 2, hi].map((t) => (
                <Line key={t} x1={40} x2={W - 20} y1={y(t)} y2={y(t)} stroke="#d1d5db" strokeWidth={0.5} />
              ))}
              <Polyline
                points={trend.map((p, i) => `${x(i)},${y(p.score)}`).join(" ")}
                stroke={BLUE}
                strokeWidth={1.5}
                fill="none"
              />
              {trend.map((p, i) => (
                <Line
                  key={`w${p.period}`}
                  x1={x(i)}
                  x2={x(i)}
                  y1={y(p.ciLow)}
                  y2={y(p.ciHigh)}
                  stroke={BLUE}
                  strokeWidth={1}
                />
              ))}
              {trend.map((p, i) => (
                <Circle key={`c${p.period}`} cx={x(i)} cy={y(p.score)} r={3} fill={BLUE} />
              ))}
            </Svg>
            <View style={{ flexDirection: "row", marginLeft: 20 }}>
              {trend.map((p) => (
                <T key={p.period} style={{ ...s.small, width: (W - 60) / Math.max(1, trend.length - 1) }}>
                  {`${p.period}: ${format.nps(p.score)}`}
                </T>
              ))}
            </View>
          </View>
        ) : (
          <T>Not published for this quarter.</T>
        )}

        <T style={s.h2}>Dimension scores</T>
        <View style={s.row}>
          <T style={{ ...s.cell, ...s.small }}>Dimension</T>
          <T style={{ ...s.num, ...s.small }}>Mean (1-5)</T>
          <T style={{ ...s.num, ...s.small }}>Favourable</T>
          <T style={{ ...s.num, ...s.small }}>Change</T>
        </View>
        {report.dimensions.map((d) => (
          <View key={d.key} style={s.row} wrap={false}>
            <T style={s.cell}>{d.name}</T>
            <T style={s.num}>{d.current ? format.mean(d.current.mean) : "Hidden"}</T>
            <T style={s.num}>{d.current ? format.percentOf100(d.current.favorablePct) : "-"}</T>
            <T style={s.num}>{d.change === null ? "-" : format.signed(d.change, 2)}</T>
          </View>
        ))}

        <T style={s.h2}>Response rate</T>
        <T>
          {report.responses
            ? `${report.responses.title}: ${report.responses.total === null ? "hidden" : format.number(report.responses.total)} responses${report.responses.rate !== null ? ` (${format.percent(report.responses.rate)} of ${format.number(report.responses.invited!)} asked)` : ""}.`
            : "No response figures published for this quarter."}
        </T>
      </Page>

      <Page size="A4" style={s.page}>
        <T style={s.h2}>Top actions</T>
        {report.actions.length ? (
          report.actions.map((a) => (
            <T key={a.rank}>{`${a.rank}. ${a.label} · ${format.percent(a.share)} of respondents · ${a.quadrant}`}</T>
          ))
        ) : (
          <T>No open backlog items yet.</T>
        )}

        <T style={s.h2}>What drives platform NPS</T>
        {!drivers ? (
          <T>No closed survey this quarter.</T>
        ) : drivers.hidden ? (
          <T>Hidden to protect anonymity.</T>
        ) : !drivers.stable ? (
          <T>{`Not shown: ${drivers.reason ?? ""}`}</T>
        ) : (
          <View>
            <Svg
              width={W}
              height={drivers.drivers.length * 22 + 6}
              viewBox={`0 0 ${W} ${drivers.drivers.length * 22 + 6}`}
            >
              {drivers.drivers.map((d, i) => {
                const bx = (v: number) => 170 + Math.max(0, Math.min(1, v)) * (W - 230);
                return (
                  <Rect key={d.dimension} x={170} y={i * 22 + 5} width={bx(d.share) - 170} height={12} fill={BLUE} />
                );
              })}
              {drivers.drivers.map((d, i) => {
                const bx = (v: number) => 170 + Math.max(0, Math.min(1, v)) * (W - 230);
                return (
                  <Line
                    key={`i${d.dimension}`}
                    x1={bx(d.low)}
                    x2={bx(d.high)}
                    y1={i * 22 + 11}
                    y2={i * 22 + 11}
                    stroke="#1e1b4b"
                    strokeWidth={1}
                  />
                );
              })}
            </Svg>
            {drivers.drivers.map((d) => (
              <T key={d.dimension} style={s.small}>
                {`${d.rank}. ${d.name}: ${format.percent(d.share)} (95% interval ${format.percent(d.low)} to ${format.percent(d.high)}), score ${format.mean(d.score)}`}
              </T>
            ))}
          </View>
        )}

        <T style={s.h2}>Targets</T>
        {report.targets.length ? (
          report.targets.map((t) => (
            <View key={t.id} wrap={false}>
              <T>{`${t.label}: goal ${formatTargetValue(format, t.metric, t.goal)} by ${t.due} · ${targetStatusLabels[t.status]}`}</T>
              <T style={s.small}>{t.summary}</T>
            </View>
          ))
        ) : (
          <T>No targets set yet.</T>
        )}
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
