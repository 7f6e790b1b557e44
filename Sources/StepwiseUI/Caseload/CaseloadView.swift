import StepwiseCore

/// The caseload: one row per participant, with search as you type.
enum CaseloadView {
    static let nameWidth = 30
    static let courseWidth = 16

    /// First list row on screen.
    static let top = 3

    /// How many list rows fit.
    static func capacity(height: Int) -> Int { max(1, height - top - 3) }

    static func render(_ state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        Chrome.titleBar(
            &buffer, y: 0, left: "Stepwise · " + s("caseload.title"),
            right: s("caseload.coach", ["name": state.coach]) + " · " + s.dayWithWeekday(state.today))
        buffer.put(
            "  " + DisplayWidth.pad(s("caseload.column.name"), to: nameWidth) + " "
                + DisplayWidth.pad(s("caseload.column.course"), to: courseWidth) + " "
                + s("caseload.column.next"), x: 0, y: 2, style: .heading)
        let rows = state.visibleRows
        let capacity = capacity(height: buffer.height)
        let first = scrollStart(selection: state.selection, count: rows.count, capacity: capacity)
        for (offset, row) in rows.dropFirst(first).prefix(capacity).enumerated() {
            let y = top + offset
            let selected = first + offset == state.selection
            draw(row, y: y, selected: selected, state: state, env: env, into: &buffer)
        }
        if rows.isEmpty {
            let key = state.caseload.isEmpty ? "caseload.empty" : "caseload.noMatch"
            buffer.put("  " + s(key), x: 0, y: top, style: .muted)
        }
        let statusY = buffer.height - 3
        if let search = state.search {
            let label = s("caseload.search") + " "
            let used = buffer.put(" " + label, x: 0, y: statusY, style: .bold)
            let count = "  " + s("caseload.matches", ["n": String(rows.count), "of": String(state.readableCount)])
            let fieldWidth = max(2, buffer.width - used - DisplayWidth.of(count) - 1)
            search.render(into: &buffer, x: used, y: statusY, width: fieldWidth, focused: true)
            buffer.put(count, x: used + fieldWidth, y: statusY, style: .muted)
        } else {
            let people = state.readableCount
            var count = s(people == 1 ? "caseload.countOne" : "caseload.count", ["n": String(people)])
            let unreadable = state.unreadableCount
            if unreadable > 0 { count += " · " + s("caseload.unreadableCount", ["n": String(unreadable)]) }
            let used = buffer.put(" " + count, x: 0, y: statusY, style: .muted)
            if case .participant(let entry)? = state.selectedRow, let signal = entry.jobSearchSignal(today: state.today) {
                let text = " · • " + entry.name + ": " + JobSearchSignalText.text(signal, strings: s)
                buffer.put(text, x: used, y: statusY, style: signal.isOverdue ? .warning : .plain, limit: buffer.width - used - 1)
            }
        }
    }

    /// The first row shown so that the selection stays in view.
    static func scrollStart(selection: Int, count: Int, capacity: Int) -> Int {
        guard count > capacity else { return 0 }
        return min(max(0, selection - capacity + 1), count - capacity)
    }

    private static func draw(
        _ row: CaseloadRow, y: Int, selected: Bool, state: AppState, env: UIEnvironment,
        into buffer: inout ScreenBuffer
    ) {
        let s = env.strings
        // The selection is the marker and the reversed name: a move redraws two short runs,
        // not two whole rows.
        buffer.put(selected ? "›" : " ", x: 0, y: y, style: selected ? .selected : .plain)
        switch row {
        case .participant(let entry):
            let name = selected ? DisplayWidth.pad(entry.name, to: nameWidth) : entry.name
            // A job-search signal is a mark at the end of the name column; its words are on the status line.
            let signal = entry.jobSearchSignal(today: state.today)
            buffer.put(name, x: 2, y: y, style: selected ? Style(bold: true, reverse: true) : .bold, limit: nameWidth - (signal == nil ? 0 : 2))
            if let signal { buffer.put("•", x: 1 + nameWidth, y: y, style: signal.isOverdue ? .warning : .muted) }
            buffer.put(
                CourseText.position(start: entry.courseStart, today: state.today, strings: s),
                x: 3 + nameWidth, y: y, limit: courseWidth)
            let nextX = 4 + nameWidth + courseWidth
            guard let next = entry.nextConversation else {
                buffer.put(s("caseload.noConversation"), x: nextX, y: y, style: .muted)
                return
            }
            var (text, overdue) = CourseText.conversation(next, today: state.today, strings: s)
            let warning = " ⚠ " + s("conversation.overdue")
            // The warning is never cut: an overdue date is recent, so its year goes first.
            if overdue, DisplayWidth.of(text) + DisplayWidth.of(warning) > buffer.width - nextX {
                text = CourseText.conversation(next, today: state.today, strings: s, year: false).text
            }
            let used = buffer.put(text, x: nextX, y: y)
            if overdue {
                buffer.put(warning, x: nextX + used, y: y, style: .warning)
            }
        case .unreadable(let id, let problem):
            let style = Style(bold: true, reverse: selected, role: .error)
            let reason = problem.field.map { "field '\($0)': " } ?? ""
            buffer.put("⚠ " + s("caseload.unreadable", ["id": id]) + ": " + reason + problem.reason, x: 2, y: y, style: style)
        }
    }
}
