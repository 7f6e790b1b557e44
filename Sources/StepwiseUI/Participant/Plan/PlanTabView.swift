import StepwiseCore

/// The plan tab on screen: whose words are being typed, what changed, and the plan with
/// the selected row highlighted and kept in view.
enum PlanTabView {
    /// The tab's lines and change marks, as laid out for one set of `ViewInputs`.
    struct Layout: Sendable {
        /// The version the change marks count from, if any.
        let baseline: Int?
        /// How many goals and steps are marked new or changed since `baseline`.
        let changes: Int
        let lines: SelectableLines<PlanRow>

        /// Lays out the plan of `open` at the screen's width, with the marks since the last
        /// conversation (`PlanChanges`).
        init(_ open: OpenParticipant, state: AppState, env: UIEnvironment) {
            let p = open.participant
            let baseline = PlanChanges.baseline(p, history: open.history, timeZone: env.timeZone)
            let marks = PlanChanges.marks(p.plan, since: baseline?.plan)
            self.baseline = baseline?.version
            changes = marks.count
            lines = SelectableLines(
                PlanLines.lines(p, plan: p.plan, marks: marks, today: state.today, env: env, offers: state.offers, width: state.width - 2))
        }

        /// The layout of `open` as the screen shows it now: the one kept (`ParticipantMemo`), else made.
        static func of(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> Layout {
            open.memo.plan.value(for: ViewInputs(open, state: state, env: env)) ?? Layout(open, state: state, env: env)
        }

        /// The layout of `open` as the screen shows it now, kept in `open` from now on.
        static func kept(_ open: inout OpenParticipant, state: AppState, env: UIEnvironment) -> Layout {
            let inputs = ViewInputs(open, state: state, env: env)
            if let kept = open.memo.plan.value(for: inputs) { return kept }
            let made = Layout(open, state: state, env: env)
            open.memo.plan.keep(made, for: inputs)
            return made
        }
    }

    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let layout = Layout.of(open, state: state, env: env)
        writerLine(open, layout: layout, env: env, into: &buffer, y: ParticipantView.top)
        ListDrawing.draw(
            layout.lines.lines, selected: layout.lines.span(at: open.planSelection), top: ParticipantView.top + 1,
            bottom: buffer.height - 2, strings: env.strings, into: &buffer)
    }

    /// "Writing: [Citizen] Coach Peer worker (w) · version 4 · 2 changes since conversation".
    private static func writerLine(_ open: OpenParticipant, layout: Layout, env: UIEnvironment, into buffer: inout ScreenBuffer, y: Int) {
        let s = env.strings
        let x = WriterLine.draw(open.writer, env: env, x: 0, y: y, into: &buffer)
        let version = s("plan.version", ["v": String(open.participant.plan.version)])
        let changes = layout.baseline.map { s("plan.changesSince", count: layout.changes, ["v": String($0)]) }
        // Where the whole status does not fit beside the writer, the changes since the baseline
        // stay (they name a version), else the version (cut with "…" only on a very narrow screen).
        let room = max(0, buffer.width - x - 2)
        let status =
            [changes.map { version + " · " + $0 } ?? version, changes].compactMap { $0 }.first { DisplayWidth.of($0) <= room }
            ?? DisplayWidth.truncate(version, to: room)
        buffer.put(status, x: buffer.width - DisplayWidth.of(status) - 1, y: y, style: .muted)
    }
}
