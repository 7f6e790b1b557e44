import StepwiseCore

/// The plan's history: every saved version, newest first, with who changed what and when;
/// one version can be opened and read as it stood.
enum HistoryView {
    static func render(_ browser: HistoryBrowser, open: OpenParticipant, state: AppState, env: UIEnvironment,
                       into buffer: inout ScreenBuffer) {
        let s = env.strings
        let versions = Array(open.history.reversed())
        if let viewing = browser.viewing, versions.indices.contains(viewing) {
            let version = versions[viewing]
            let title = s("history.viewing", ["v": String(version.version), "date": s.dayWithWeekday(Day(version.stamp.at, timeZone: env.timeZone)),
                                              "time": TimeText.clock(version.stamp.at, in: env.timeZone)])
            let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: title)
            let lines = PlanLines.lines(open.participant, plan: version.plan, marks: [:], today: state.today, env: env, width: area.width)
            let first = min(browser.scroll, max(0, lines.count - area.height))
            for (offset, entry) in lines.dropFirst(first).prefix(area.height).enumerated() {
                entry.line.draw(into: &buffer, x: area.x, y: area.y + offset, width: area.width)
            }
            return
        }
        let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: s("history.title"))
        if versions.isEmpty {
            buffer.put(s("history.none"), x: area.x, y: area.y + 1, style: .muted)
            return
        }
        let rows = area.height - 1
        let first = CaseloadView.scrollStart(selection: browser.selection, count: versions.count, capacity: rows)
        for (offset, version) in versions.dropFirst(first).prefix(rows).enumerated() {
            let y = area.y + 1 + offset
            let selected = first + offset == browser.selection
            let when = s.shortDate(Day(version.stamp.at, timeZone: env.timeZone)) + " " + TimeText.clock(version.stamp.at, in: env.timeZone)
            let who = DisplayWidth.truncate(version.stamp.by, to: 16) + " (" + s("author.\(version.author.rawValue)") + ")"
            let text = DisplayWidth.pad("v\(version.version)", to: 5) + DisplayWidth.pad(when, to: 19) + DisplayWidth.pad(who, to: 28)
                + describe(version.change, env: env)
            buffer.put(DisplayWidth.truncate((selected ? "› " : "  ") + text, to: area.width), x: area.x, y: y,
                       style: selected ? .selected : .plain)
        }
    }

    /// "added step “Update my CV”".
    static func describe(_ change: PlanChange, env: UIEnvironment) -> String {
        let subject = DisplayWidth.truncate(change.subject, to: 40)
        let detail = change.detail.map { env.strings("step.status.\($0)") } ?? ""
        return env.strings("change.\(change.kind.rawValue)", ["text": subject, "detail": detail])
    }
}
