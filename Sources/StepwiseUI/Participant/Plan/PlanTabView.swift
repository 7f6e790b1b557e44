import StepwiseCore

/// The plan tab on screen: whose words are being typed, what changed, and the plan with
/// the selected row highlighted and kept in view.
enum PlanTabView {
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let p = open.participant
        let baseline = PlanChanges.baseline(p, history: open.history, timeZone: env.timeZone)
        let marks = PlanChanges.marks(p.plan, since: baseline?.plan)
        writerLine(open, baseline: baseline, marks: marks, env: env, into: &buffer, y: ParticipantView.top)
        let lines = PlanLines.lines(
            p, plan: p.plan, marks: marks, today: state.today, env: env, offers: state.offers,
            width: buffer.width - 2)
        let rows = PlanUpdate.rows(of: lines)
        let selected = rows.indices.contains(open.planSelection) ? rows[open.planSelection] : nil
        ListDrawing.draw(
            lines.map { ($0.line, $0.row != nil && $0.row == selected) }, top: ParticipantView.top + 1,
            bottom: buffer.height - 2, strings: env.strings, into: &buffer)
    }

    /// "Writing: [Citizen] Coach Peer worker (w) · version 4 · 2 changes since conversation".
    private static func writerLine(
        _ open: OpenParticipant, baseline: (version: Int, plan: Plan)?, marks: [String: PlanChanges.Mark],
        env: UIEnvironment, into buffer: inout ScreenBuffer, y: Int
    ) {
        let s = env.strings
        let x = WriterLine.draw(open.writer, env: env, x: 0, y: y, into: &buffer)
        let version = s("plan.version", ["v": String(open.participant.plan.version)])
        let changes = baseline.map { " · " + s("plan.changesSince", count: marks.count, ["v": String($0.version)]) } ?? ""
        // Where the whole status does not fit beside the writer, the version stays (cut with "…" only on a very narrow screen).
        let room = max(0, buffer.width - x - 2)
        let status = DisplayWidth.of(version + changes) <= room ? version + changes : DisplayWidth.truncate(version, to: room)
        buffer.put(status, x: buffer.width - DisplayWidth.of(status) - 1, y: y, style: .muted)
    }
}
