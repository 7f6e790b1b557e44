import StepwiseCore

/// The plan tab on screen: whose words are being typed, what changed, and the plan with
/// the selected row highlighted and kept in view.
enum PlanTabView {
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let p = open.participant
        let baseline = PlanChanges.baseline(p, history: open.history)
        let marks = PlanChanges.marks(p.plan, since: baseline?.plan)
        writerLine(open, baseline: baseline, marks: marks, env: env, into: &buffer, y: ParticipantView.top)
        let lines = PlanView.lines(p, plan: p.plan, marks: marks, today: state.today, env: env, offers: state.offers,
                                   width: buffer.width - 2)
        let rows = PlanUpdate.rows(open, env: env, today: state.today)
        let selected = rows.indices.contains(open.planSelection) ? rows[open.planSelection] : nil
        let top = ParticipantView.top + 1
        let height = max(0, buffer.height - top - 2)
        let selectedLines = lines.indices.filter { lines[$0].row != nil && lines[$0].row == selected }
        // Keep the whole selected entry in view, with the heading above it where there is room.
        var first = 0
        if let last = selectedLines.last, let start = selectedLines.first {
            first = max(0, last - height + 1)
            first = min(first, max(0, start - 1))
        }
        for (offset, entry) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = top + offset
            guard entry.row != nil, entry.row == selected else {
                entry.line.draw(into: &buffer, x: 1, y: y, width: buffer.width - 2)
                continue
            }
            buffer.fill(y: y, style: .selected)
            if first + offset == selectedLines.first { buffer.put("›", x: 0, y: y, style: .selected) }
            var line = entry.line
            line.segments = line.segments.map { (text: $0.text, style: Style(bold: $0.style.bold, reverse: true, role: $0.style.role)) }
            line.draw(into: &buffer, x: 1, y: y, width: buffer.width - 2)
        }
    }

    /// "Writing: [Citizen] Coach Peer worker (w) · version 4 · 2 changes since conversation".
    private static func writerLine(_ open: OpenParticipant, baseline: (version: Int, plan: Plan)?, marks: [String: PlanChanges.Mark],
                                   env: UIEnvironment, into buffer: inout ScreenBuffer, y: Int) {
        let s = env.strings
        var x = buffer.put(" " + s("plan.writing") + " ", x: 0, y: y, style: .muted)
        for author in Author.allCases {
            let name = s("author.\(author.rawValue)")
            x += author == open.writer
                ? buffer.put("[" + name + "]", x: x, y: y, style: Style(bold: true, reverse: true))
                : buffer.put(" " + name + " ", x: x, y: y)
        }
        var status = s("plan.version", ["v": String(open.participant.plan.version)])
        if let baseline {
            status += " · " + s("plan.changesSince", ["n": String(marks.count), "v": String(baseline.version)])
        }
        let width = DisplayWidth.of(status)
        if x + width + 2 < buffer.width { buffer.put(status, x: buffer.width - width - 1, y: y, style: .muted) }
    }
}
