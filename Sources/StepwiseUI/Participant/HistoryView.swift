import StepwiseCore

/// The plan's history: every saved version, newest first, with who changed what and when;
/// one version can be opened and read as it stood.
enum HistoryView {
    static func render(
        _ browser: HistoryBrowser, open: OpenParticipant, state: AppState, env: UIEnvironment,
        into buffer: inout ScreenBuffer
    ) {
        let s = env.strings
        let versions = Array(open.history.reversed())
        if let viewing = browser.viewing, versions.indices.contains(viewing) {
            let version = versions[viewing]
            let title = s(
                "history.viewing",
                [
                    "v": String(version.version), "date": s.dayWithWeekday(Day(version.stamp.at, timeZone: env.timeZone)),
                    "time": TimeText.clock(version.stamp.at, in: env.timeZone),
                ])
            let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: title)
            let previous = versions.indices.contains(viewing + 1) ? versions[viewing + 1].plan : nil
            // What the version did, in full (the list has room for its start only): e.g. the
            // reason a suggestion was turned down.
            let change = StyledLine(who(version, env: env) + ": " + describe(version.change, env: env), .bold).wrapped(
                width: area.width, indent: 2
            ).map { (line: $0, row: PlanRow?.none) }
            let lines =
                change + differenceLines(from: previous, to: version, env: env)
                + PlanLines.lines(open.participant, plan: version.plan, marks: [:], today: state.today, env: env, width: area.width)
            ScrollWindow(count: lines.count, height: area.height, first: browser.scroll).draw(
                lines.map(\.line), x: area.x, top: area.y, width: area.width, strings: s, into: &buffer)
            return
        }
        let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: s("history.title"))
        if versions.isEmpty {
            buffer.put(s("history.none"), x: area.x, y: area.y + 1, style: .muted)
            return
        }
        let window = ScrollWindow(count: versions.count, height: area.height - 1, showing: browser.selection...browser.selection)
        window.drawMarks(x: area.x, top: area.y + 1, width: area.width, strings: s, into: &buffer)
        let texts = DisplayWidth.table(
            versions.map { version in
                [
                    "v\(version.version)",
                    s.shortDate(Day(version.stamp.at, timeZone: env.timeZone)) + " " + TimeText.clock(version.stamp.at, in: env.timeZone),
                    who(version, env: env), describe(version.change, env: env),
                ]
            }, limits: [.max, .max, 28])
        for index in window.shown {
            guard let screen = window.screenRow(index) else { continue }
            let y = area.y + 1 + screen
            let selected = index == browser.selection
            let text = texts[index]
            buffer.put(
                DisplayWidth.truncate((selected ? "› " : "  ") + text, to: area.width), x: area.x, y: y,
                style: selected ? .selected : .plain)
        }
    }

    /// What this version changed compared with the one before it: "Compared with v4:", then
    /// one line per goal or step added, changed or dropped, then a blank line.
    static func differenceLines(from previous: Plan?, to version: PlanVersion, env: UIEnvironment) -> [(line: StyledLine, row: PlanRow?)] {
        let s = env.strings
        guard let previous else { return [] }
        let differences = PlanChanges.differences(from: previous, to: version.plan)
        var out: [(line: StyledLine, row: PlanRow?)] = [
            (StyledLine(s("history.compared", ["v": String(version.version - 1)]), .heading), nil)
        ]
        if differences.isEmpty { out.append((StyledLine("  " + s("history.noGoalChanges"), .muted), nil)) }
        for difference in differences {
            let key = "history.\(difference.kind.rawValue)\(difference.isStep ? "Step" : "Goal")"
            out.append((StyledLine("  " + s(key, ["text": DisplayWidth.truncate(difference.text, to: 60)])), nil))
        }
        return out + [(.blank, nil)]
    }

    /// "Lena Groß (Citizen)", and the coach at the keyboard when someone else's words were
    /// typed: "Lena Groß (Citizen) via Anna".
    static func who(_ version: PlanVersion, env: UIEnvironment) -> String {
        let s = env.strings
        let written = DisplayWidth.truncate(version.stamp.by, to: 16) + " (" + s("author.\(version.author.rawValue)") + ")"
        guard let coach = version.coach, coach != version.stamp.by else { return written }
        return s("history.via", ["who": written, "coach": DisplayWidth.truncate(coach, to: 12)])
    }

    /// "added step “Update my CV”".
    static func describe(_ change: PlanChange, env: UIEnvironment) -> String {
        let subject = DisplayWidth.truncate(change.subject, to: 40)
        // A suggestion turned down has its reason as the detail, in the words it was given.
        let detail = change.kind == .reject ? change.detail ?? "" : change.detail.map { env.strings("step.status.\($0)") } ?? ""
        return env.strings("change.\(change.kind.rawValue)", ["text": subject, "detail": detail])
    }
}
