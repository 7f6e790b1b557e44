import StepwiseCore

/// The report screen drawn: the same tables and figures as `stepwise report` (withheld
/// counts read "< 5", figures made from them a word, `Report.legend`), each table with bars of block characters
/// beside its figures, and the step movement as `IndicatorChart` paired bars of the median
/// first and latest rating. Scrolls; "↓ N more" says how much is below.
enum ReportView {
    /// First content row on screen.
    static let top = 3

    /// How many content rows fit (the last of them says how many more there are).
    static func rows(height: Int) -> Int { max(1, height - top - 2) }

    static func render(_ screen: ReportScreen, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let query = screen.query(today: state.today, coach: state.coach)
        let scope = screen.scope == .caseload ? s("reportScreen.caseload", ["name": state.coach]) : s("reportScreen.organisation")
        Chrome.titleBar(&buffer, y: 0, left: s("report.title"), right: scope)
        let period = s("report.period", ["from": s.shortDate(query.from), "to": s.shortDate(query.to)])
        let length = s(screen.months == 1 ? "reportScreen.monthOne" : "reportScreen.months", ["n": String(screen.months)])
        buffer.put(" " + period + " · " + length, x: 0, y: 1, style: .bold)
        guard let report = screen.report else {
            buffer.put("  " + s("reportScreen.making"), x: 0, y: top, style: .muted)
            return
        }
        let lines = self.lines(report, env: env, width: buffer.width - 2)
        let room = rows(height: buffer.height)
        let first = min(screen.scroll, max(0, lines.count - room))
        let below = lines.count - first - room
        let shown = below > 0 ? room - 1 : room
        for (offset, line) in lines.dropFirst(first).prefix(shown).enumerated() {
            line.draw(into: &buffer, x: 1, y: top + offset, width: buffer.width - 2)
        }
        if below > 0 {
            buffer.put("  " + s("scroll.below", count: below + 1), x: 0, y: top + shown, style: .muted)
        }
    }

    /// Every line of the report for `width` columns: the rule, then each table.
    static func lines(_ report: Report, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var lines = StyledLine(Report.legend(s), .muted).wrapped(width: width, indent: 0)
        if report.unreadable > 0 { lines.append(StyledLine(s("report.unreadable", ["n": String(report.unreadable)]), .warning)) }
        for table in report.tables {
            lines.append(.blank)
            lines.append(StyledLine(table.title, .heading))
            if table.id == "movement" { lines += IndicatorChart.lines(chart(table, s), strings: s, width: width) + [.blank] }
            lines += self.table(table, s, width: width)
            if let note = table.note { lines += StyledLine(note, .muted).wrapped(width: width, indent: 0) }
        }
        return lines
    }

    /// The medians of the movement table as chart items; a row whose people are withheld
    /// reads "< 5" instead of bars, one that no one rated twice says so.
    static func chart(_ table: ReportTable, _ s: Localizer) -> [IndicatorChart.Item] {
        let (people, first, latest) = (
            table.columnIDs.firstIndex(of: "participants"), table.columnIDs.firstIndex(of: "medianFirst"),
            table.columnIDs.firstIndex(of: "medianLatest")
        )
        guard let people, let first, let latest else { return [] }
        return table.rows.map { row in
            func value(_ column: Int) -> Double? { if case .number(let v) = row.cells[column] { return v } else { return nil } }
            let withheld =
                row.cells[people] == .suppressed
                ? s("reportScreen.withheld", ["n": String(ReportTable.threshold)])
                : row.cells[people] == .count(0) ? s("reportScreen.noRatings") : nil
            return IndicatorChart.Item(label: row.label, first: value(first), latest: value(latest), withheld: withheld)
        }
    }

    /// A table as text columns (right-aligned, as the text report) with a bar of its first
    /// figure, or its fill rate, beside each row. When the words and figures do not fit one
    /// line, the words stand on a line of their own above.
    static func table(_ table: ReportTable, _ s: Localizer, width: Int) -> [StyledLine] {
        let cells = table.rows.map { $0.cells.map { Report.words($0, strings: s) } }
        let widths = table.columns.indices.map { c in max(DisplayWidth.of(table.columns[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
        let figuresWidth = widths.reduce(0) { $0 + $1 + 2 }
        let longest = table.rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let minimumBar = 8
        let apart = min(longest, 36) + figuresWidth + 2 + minimumBar > width && 16 + figuresWidth + 2 + minimumBar > width
        let labelWidth = apart ? 2 : max(16, min(longest, 36, width - figuresWidth - 2 - minimumBar))
        let barWidth = max(0, min(60, width - labelWidth - figuresWidth - 2))
        // The step movement has its chart above; a bar of its people would say nothing.
        let column = table.id == "movement" ? nil : barColumn(table)
        let scale = table.rows.filter { $0.id != "total" }.compactMap { row in column.flatMap { magnitude(row.cells[$0]) } }.max() ?? 0
        // Figures wider than the screen (many columns, long column names in German) are
        // listed under each row's name as "column value" pairs that wrap, so that none is cut.
        if 2 + figuresWidth > width {
            return table.rows.indices.flatMap { index -> [StyledLine] in
                let row = table.rows[index]
                let style: Style = row.id == "total" ? .bold : .plain
                // No-break spaces keep each pair on one line ("Abgesagt < 5").
                let pairs = zip(table.columns, cells[index]).map { ($0 + " " + $1).replacingOccurrences(of: " ", with: "\u{00A0}") }
                    .joined(separator: " · ")
                return StyledLine(row.label, style).wrapped(width: width, indent: 2)
                    + StyledLine([("  ", .plain), (pairs, style)]).wrapped(width: width, indent: 4)
            }
        }
        func figures(_ values: [String]) -> String { zip(values, widths).map { "  " + pad($0, $1) }.joined() }
        var lines = [StyledLine(String(repeating: " ", count: labelWidth) + figures(table.columns), .muted)]
        for (row, values) in zip(table.rows, cells) {
            let style: Style = row.id == "total" ? .bold : .plain
            // A name longer than its column has a line of its own (wrapped), never a cut.
            let own = apart || DisplayWidth.of(row.label) > labelWidth
            let label = DisplayWidth.pad(own ? "" : row.label, to: labelWidth)
            if own { lines += StyledLine(row.label, style).wrapped(width: width, indent: 2) }
            var line: [(String, Style)] = [(apart ? "  " : label, style), (figures(values), style)]
            if let column, row.id != "total", scale > 0, barWidth >= minimumBar, let value = magnitude(row.cells[column]) {
                line.append(("  " + IndicatorChart.blocks(value / scale, width: barWidth), .plain))
            }
            lines.append(StyledLine(line))
        }
        return lines
    }

    /// The column the bars draw: the fill rate of an offer table, else the first count.
    private static func barColumn(_ table: ReportTable) -> Int? {
        table.columnIDs.firstIndex(of: "fillRate") ?? table.columns.indices.first { c in
            table.rows.contains { if case .count = $0.cells[c] { return true } else { return false } }
        }
    }

    /// A count's or a share's size for a bar; nil for a withheld or empty cell or a median
    /// (no bar is drawn).
    private static func magnitude(_ cell: ReportCell) -> Double? {
        switch cell {
        case .count(let n): return Double(n)
        case .share(let share): return share
        case .number, .suppressed, .withheld, .none: return nil
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
