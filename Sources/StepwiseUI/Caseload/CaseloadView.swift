import StepwiseCore

/// The caseload: one row per participant, with search as you type.
enum CaseloadView {
    /// The most the name column takes on a screen `width` columns wide, so that the course and
    /// the next conversation keep their room: 30 at 80 columns, and half of any extra width,
    /// up to 48.
    static func nameWidth(_ width: Int) -> Int { min(48, 30 + max(0, width - 80) / 2) }

    /// The name column's width for the rows on screen: the widest of their names in display
    /// columns (a CJK character or an emoji counts two, `DisplayWidth`), two more for a name
    /// with a job-search mark after it, and the heading; at most `nameWidth(width)`.
    static func nameWidth(_ rows: [CaseloadEntry], heading: String, today: Day, width: Int) -> Int {
        let names = rows.map { DisplayWidth.of($0.name) + ($0.jobSearchSignal(today: today) == nil ? 0 : 2) }
        return min(nameWidth(width), ([DisplayWidth.of(heading)] + names).max() ?? 0)
    }

    /// The space between two columns of the list.
    static let gap = "  "

    /// First list row on screen.
    static let top = 3

    /// How many list rows fit.
    static func capacity(height: Int) -> Int { max(1, height - top - 3) }

    static func render(_ state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        Chrome.titleBar(
            &buffer, y: 0, left: "Stepwise · " + s("caseload.title"),
            right: s("caseload.coach", ["name": state.coach]) + " · " + s.dayWithWeekday(state.today))
        let rows = state.visibleRows
        let window = ScrollWindow(count: rows.count, height: capacity(height: buffer.height), showing: state.selection...state.selection)
        // The name and course columns are as wide as their widest entry on screen, and two
        // spaces apart from their neighbours in every language (`gap`).
        let entries = window.shown.compactMap { index -> CaseloadEntry? in
            guard case .participant(let entry) = rows[index] else { return nil }
            return entry
        }
        let courses = entries.map { CourseText.position(start: $0.courseStart, today: state.today, strings: s) }
        let columns = (
            name: nameWidth(entries, heading: s("caseload.column.name"), today: state.today, width: buffer.width),
            course: ([s("caseload.column.course")] + courses).map(DisplayWidth.of).max() ?? 0
        )
        buffer.put(
            "  " + DisplayWidth.pad(s("caseload.column.name"), to: columns.name) + gap
                + DisplayWidth.pad(s("caseload.column.course"), to: columns.course) + gap
                + s("caseload.column.next"), x: 0, y: 2, style: .heading)
        for index in window.shown {
            guard let screen = window.screenRow(index) else { continue }
            draw(rows[index], y: top + screen, selected: index == state.selection, columns: columns, state: state, env: env, into: &buffer)
        }
        window.drawMarks(
            x: 2, top: top, width: buffer.width - 3, strings: s,
            entries: ListEntries(key: "caseload.scroll", starts: nil), into: &buffer)
        if rows.isEmpty {
            // While only the first rows are known, no match among them says nothing of the rest.
            let key = state.caseload.isEmpty ? "caseload.empty" : state.firstRowsOf == nil ? "caseload.noMatch" : "caseload.stillReading"
            buffer.put("  " + s(key), x: 0, y: top, style: .muted)
        }
        let statusY = buffer.height - 3
        if let search = state.search {
            let label = s("caseload.search") + " "
            let used = buffer.put(" " + label, x: 0, y: statusY, style: .bold)
            // Matches among the first rows only are not counted as if they were all.
            let count =
                "  "
                + (state.firstRowsOf == nil
                    ? s("caseload.matches", count: rows.count, ["of": String(state.readableCount)]) : s("caseload.stillReading"))
            let fieldWidth = max(2, buffer.width - used - DisplayWidth.of(count) - 1)
            search.render(into: &buffer, x: used, y: statusY, width: fieldWidth, focused: true)
            buffer.put(count, x: used + fieldWidth, y: statusY, style: .muted)
        } else {
            let people = state.readableCount
            var count = s("caseload.count", count: people)
            let unreadable = state.unreadableCount
            if unreadable > 0 { count += " · " + s("caseload.unreadableCount", count: unreadable) }
            let used = buffer.put(" " + count, x: 0, y: statusY, style: .muted)
            if case .participant(let entry)? = state.selectedRow, let signal = entry.jobSearchSignal(today: state.today) {
                let text = " · • " + entry.name + ": " + JobSearchSignalText.text(signal, strings: s)
                buffer.put(text, x: used, y: statusY, style: signal.isOverdue ? .warning : .plain, limit: buffer.width - used - 1)
            }
        }
    }

    private static func draw(
        _ row: CaseloadRow, y: Int, selected: Bool, columns: (name: Int, course: Int), state: AppState, env: UIEnvironment,
        into buffer: inout ScreenBuffer
    ) {
        let s = env.strings
        // The selection is the marker and the reversed name: a move redraws two short runs,
        // not two whole rows.
        buffer.put(selected ? "›" : " ", x: 0, y: y, style: selected ? .selected : .plain)
        switch row {
        case .participant(let entry):
            let name = selected ? DisplayWidth.pad(entry.name, to: columns.name) : entry.name
            // A job-search signal is a mark at the end of the name column; its words are on the status line.
            let signal = entry.jobSearchSignal(today: state.today)
            buffer.put(name, x: 2, y: y, style: selected ? Style(bold: true, reverse: true) : .bold, limit: columns.name - (signal == nil ? 0 : 2))
            if let signal { buffer.put("•", x: 1 + columns.name, y: y, style: signal.isOverdue ? .warning : .muted) }
            buffer.put(
                CourseText.position(start: entry.courseStart, today: state.today, strings: s),
                x: 2 + columns.name + gap.count, y: y, limit: columns.course)
            let nextX = 2 + columns.name + columns.course + 2 * gap.count
            guard let next = entry.nextConversation else {
                buffer.put(s("caseload.noConversation"), x: nextX, y: y, style: .muted)
                return
            }
            let (text, warning) = CourseText.conversation(next, today: state.today, strings: s, width: buffer.width - nextX)
            let used = buffer.put(text, x: nextX, y: y)
            if let warning { buffer.put(warning, x: nextX + used, y: y, style: .warning) }
        case .unreadable(let id, let problem):
            let style = Style(bold: true, reverse: selected, role: .error)
            buffer.put("⚠ " + s("caseload.unreadable", ["id": id]) + ": " + problem.reasonText(s), x: 2, y: y, style: style)
        }
    }
}
