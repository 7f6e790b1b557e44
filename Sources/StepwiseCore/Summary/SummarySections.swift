import Foundation

/// The parts of the take-home plan that say who the citizen is, what they approved and who
/// they can call, and how an offer's sessions read.
extension Summary {
    /// "About me" in the citizen's words, topic by topic in the plan's order, including the
    /// support they do not want.
    var aboutMe: SummarySection {
        let s = strings
        var items: [SummaryItem] = []
        for topic in AboutMe.allCases {
            guard let text = participant.plan.aboutMe[topic.rawValue],
                !text.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { continue }
            items.append(SummaryItem([SummaryRun(s("about.\(topic.rawValue)") + ": ", .strong)] + words(text)))
        }
        if items.isEmpty { items.append(SummaryItem([SummaryRun(s("summary.noAbout"), .note)])) }
        return SummarySection(id: "about", heading: s("summary.about"), items: items)
    }

    /// The plan's version, the day and version the citizen last approved, and whether it
    /// changed since.
    var approval: SummarySection {
        let s = strings
        let plan = participant.plan
        var items: [SummaryItem] = []
        if let last = plan.approvals.last {
            var runs = [
                SummaryRun("✓ ", .strong),
                SummaryRun(s("summary.approvedOn", ["date": s.dayWithWeekday(last.day), "v": String(last.version)])),
            ]
            if let number = last.conversation {
                runs.append(SummaryRun(" · " + s("summary.conversation", ["n": String(number)])))
            }
            items.append(SummaryItem(runs))
            if plan.version > last.version {
                items.append(SummaryItem([SummaryRun(s("summary.changedSinceApproval", ["v": String(plan.version)]), .note)]))
            }
        } else {
            items.append(SummaryItem([SummaryRun(s("summary.notApproved", ["v": String(plan.version)]), .note)]))
        }
        return SummarySection(id: "approval", heading: s("summary.approval"), items: items)
    }

    /// Whom to call: the coach (name, phone, e-mail) and the organisation (name, address,
    /// phone), only from the organisation's settings (`coach.LOGIN.*`, `organisation.*`):
    /// never a login name. Left out when nothing is configured.
    var whoToCall: SummarySection {
        // A name in bold, then its phone, e-mail or address: "Anna Holm · 76 81 00 01 · anna@…".
        func entry(_ fields: [String]) -> SummaryItem? {
            let fields = fields.map { SummaryText.clean($0) }.filter { !$0.isEmpty }
            guard let name = fields.first else { return nil }
            return SummaryItem(marker: "•", [SummaryRun(name, .strong), SummaryRun(([""] + fields.dropFirst()).joined(separator: " · "))])
        }
        let coach = letterhead.coachName.flatMap { name in entry([name] + letterhead.coachContact) }
        let items = [coach, entry(letterhead.organisation)].compactMap { $0 }
        return SummarySection(id: "call", heading: strings("summary.whoToCall"), items: items)
    }

    /// One session ("Thu 10 Dec 2026, 10:00–12:00"), or a run of them on one line: weekly
    /// ("every Monday 14:30–16:30, 30 Nov – 4 Jan") or on working days in a row ("every
    /// weekday 08:00–12:00, 21 Dec – 15 Jan").
    func sessionLine(_ run: SessionRun) -> String {
        let s = strings
        guard let first = run.sessions.first, let last = run.sessions.last else { return "" }
        guard let cadence = run.cadence else { return s.dayWithWeekday(first.day) + ", " + timeSpan(first) }
        return s(
            cadence == .weekly ? "summary.weekly" : "summary.weekdays",
            [
                "weekday": s.formats.weekdayName(first.day), "time": timeSpan(first),
                "from": s.formats.dayMonth(first.day), "to": s.formats.dayMonth(last.day),
            ])
    }
}

/// Sessions of one offer at the same times that follow each other a week apart, or on
/// working days in a row (Monday to Friday, over weekends), in date order.
struct SessionRun: Equatable {
    /// How the sessions of a run follow each other.
    enum Cadence: Equatable {
        /// The same weekday every week.
        case weekly
        /// Every working day, Monday to Friday.
        case weekdays
    }

    /// From this many sessions on, a run is written as one line.
    static let shortest = 3

    var sessions: [OfferSession]
    /// nil for a single session.
    var cadence: Cadence?

    /// `sessions` (sorted by day and start) cut into runs: a session joins the run before it
    /// when it has the same start and end and follows the run's last session with the run's
    /// cadence. Runs shorter than `shortest` are split into single sessions, listed one by one.
    static func runs(_ sessions: [OfferSession]) -> [SessionRun] {
        var runs: [SessionRun] = []
        for session in sessions {
            if let run = runs.last, let last = run.sessions.last, last.start == session.start, last.end == session.end,
                let step = cadence(from: last.day, to: session.day), run.cadence == nil || run.cadence == step
            {
                runs[runs.count - 1].sessions.append(session)
                runs[runs.count - 1].cadence = step
            } else {
                runs.append(SessionRun(sessions: [session], cadence: nil))
            }
        }
        return runs.flatMap { run in
            run.sessions.count >= shortest ? [run] : run.sessions.map { SessionRun(sessions: [$0], cadence: nil) }
        }
    }

    /// How `next` follows `day`: a week later, or the next working day (both working days).
    private static func cadence(from day: Day, to next: Day) -> Cadence? {
        if day.adding(days: 7) == next { return .weekly }
        let working = (1...5).contains(day.weekday) && (1...5).contains(next.weekday)
        let gap = day.days(to: next)
        return working && (gap == 1 || (day.weekday == 5 && gap == 3)) ? .weekdays : nil
    }
}
