import StepwiseCore

/// The plan's history: every saved version, newest first, with who changed what and when;
/// one version can be opened and read as it stood.
enum HistoryView {
    /// What the history's lines depend on: the participant screen's inputs and the version
    /// opened, if any.
    struct Inputs: Equatable, Sendable {
        var view: ViewInputs
        var viewing: Int?
    }

    /// The versions' rows in the list (newest first), or the lines of the version opened.
    enum Content: Sendable {
        case list([String])
        case version([StyledLine])
    }

    /// The content as the screen shows it now: the one kept (`ParticipantMemo`), else made.
    static func content(_ browser: HistoryBrowser, open: OpenParticipant, state: AppState, env: UIEnvironment) -> Content {
        open.memo.history.value(for: Inputs(view: ViewInputs(open, state: state, env: env), viewing: browser.viewing))
            ?? made(browser, open: open, state: state, env: env)
    }

    /// Keeps the content for the keys and frames to come (made unless kept already).
    static func keep(_ browser: HistoryBrowser, open: inout OpenParticipant, state: AppState, env: UIEnvironment) {
        let inputs = Inputs(view: ViewInputs(open, state: state, env: env), viewing: browser.viewing)
        guard open.memo.history.value(for: inputs) == nil else { return }
        open.memo.history.keep(made(browser, open: open, state: state, env: env), for: inputs)
    }

    /// Lays the content out for a box as wide as the screen less its margins and borders (`Overlays.box`).
    private static func made(_ browser: HistoryBrowser, open: OpenParticipant, state: AppState, env: UIEnvironment) -> Content {
        let s = env.strings
        let width = state.width - 6
        let versions = Array(open.history.reversed())
        guard let viewing = browser.viewing, versions.indices.contains(viewing) else {
            return .list(
                DisplayWidth.table(
                    versions.map { version in
                        [
                            "v\(version.version)",
                            s.shortDate(Day(version.stamp.at, timeZone: env.timeZone)) + " " + TimeText.clock(version.stamp.at, in: env.timeZone),
                            who(version, env: env), describe(version.change, env: env),
                        ]
                    }, limits: [.max, .max, 28]))
        }
        let version = versions[viewing]
        let previous = versions.indices.contains(viewing + 1) ? versions[viewing + 1].plan : nil
        // What the version did, in full (the list has room for its start only): e.g. the
        // reason a suggestion was turned down.
        let change = StyledLine(who(version, env: env) + ": " + describe(version.change, env: env), .bold).wrapped(width: width, indent: 2)
        return .version(
            change + differenceLines(from: previous, to: version, env: env).map(\.line)
                + PlanLines.lines(open.participant, plan: version.plan, marks: [:], today: state.today, env: env, width: width).map(\.line))
    }

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
            guard case .version(let lines) = content(browser, open: open, state: state, env: env) else { return }
            ScrollWindow(count: lines.count, height: area.height, first: browser.scroll).draw(
                lines, x: area.x, top: area.y, width: area.width, strings: s, into: &buffer)
            return
        }
        let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: s("history.title"))
        if versions.isEmpty {
            buffer.put(s("history.none"), x: area.x, y: area.y + 1, style: .muted)
            return
        }
        let window = ScrollWindow(count: versions.count, height: area.height - 1, showing: browser.selection...browser.selection)
        window.drawMarks(
            x: area.x, top: area.y + 1, width: area.width, strings: s,
            entries: ListEntries(key: "history.scroll", starts: nil), into: &buffer)
        guard case .list(let texts) = content(browser, open: open, state: state, env: env) else { return }
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
