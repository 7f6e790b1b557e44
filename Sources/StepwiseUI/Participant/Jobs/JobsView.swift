import StepwiseCore

/// A row of the jobs tab that keys act on.
enum JobsRow: Equatable, Sendable {
    case agreement
    case followAlong
    case application(String)
    case interview(application: String, interview: String)

    /// The application the row belongs to, if any.
    var application: String? {
        switch self {
        case .application(let id), .interview(let id, _): return id
        case .agreement, .followAlong: return nil
        }
    }
}

/// The jobs tab: the citizen's own overview of their job search. The agreement, follow-along
/// support once a job or education started, the figures at a glance and the applications
/// with their interviews, in neutral words.
enum JobsView {
    typealias Line = (line: StyledLine, row: JobsRow?)

    /// The tab's lines at `width` columns, each with the row it belongs to (nil for lines no key acts on).
    static func lines(_ p: Participant, today: Day, env: UIEnvironment, width: Int) -> [Line] {
        var lines = agreement(p.jobSearch.agreement, env: env)
        let follow = followAlong(p, today: today, env: env, width: width)
        if !follow.isEmpty { lines += [(.blank, nil)] + follow }
        return lines + [(.blank, nil)] + glance(p.jobSearchGlance(today: today), env: env).map { ($0, nil) } + [(.blank, nil)]
            + applications(p.jobSearch.applications, env: env, width: width)
    }

    /// Text in someone's words, quoted as the language quotes ("summary.quoted") and wrapped at
    /// `width` with `indent` spaces before each line.
    static func quoted(_ text: String, indent: Int, width: Int, label: String = "", strings s: Localizer) -> [StyledLine] {
        let pad = String(repeating: " ", count: indent)
        let body = label.isEmpty ? s("summary.quoted", ["text": text]) : label + " " + text
        return DisplayWidth.wrap(body, width: max(10, width - indent)).map { StyledLine(pad + $0) }
    }

    /// The tab's lines and the rows keys act on, in screen order, as the screen shows them
    /// now: the ones kept (`ParticipantMemo`), else made.
    static func layout(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> SelectableLines<JobsRow> {
        open.memo.jobs.value(for: ViewInputs(open, state: state, env: env))
            ?? SelectableLines(lines(open.participant, today: state.today, env: env, width: state.width - 2))
    }

    /// Draws the tab: whose words are typed on the first row, then the lines with the selected
    /// row highlighted and kept in view.
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        WriterLine.draw(open.writer, env: env, x: 0, y: ParticipantView.top, into: &buffer)
        let layout = layout(open, state: state, env: env)
        ListDrawing.draw(
            layout.lines, selected: layout.span(at: open.jobsSelection), top: ParticipantView.top + 1, bottom: buffer.height - 2,
            strings: env.strings, into: &buffer)
    }

    private static func agreement(_ agreement: JobSearchAgreement?, env: UIEnvironment) -> [Line] {
        let s = env.strings
        guard let agreement else {
            return [(StyledLine(s("jobs.agreement"), .heading), .agreement), (StyledLine("  " + s("jobs.noAgreement"), .muted), .agreement)]
        }
        let approval =
            agreement.approvals.last.map { approval in
                agreement.isApproved
                    ? s("jobs.approved", ["name": approval.stamp.by, "date": s.shortDate(approval.day)])
                    : s("jobs.changedSinceApproval")
            } ?? s("jobs.notApproved")
        var lines = [StyledLine([(s("jobs.agreement"), .heading), ("  " + approval, .muted)])]
        let fields: [(String, String)] = [
            ("jobs.titles", agreement.titles), ("jobs.travel", agreement.travel), ("jobs.hours", agreement.hours),
            ("jobs.channels", agreement.channels),
            ("jobs.methods", agreement.methods.map { s("jobs.method.\($0.rawValue)") }.joined(separator: ", ")),
        ]
        for (key, value) in fields where !value.isEmpty {
            lines.append(StyledLine([("  " + s(key) + " ", .muted), (value, .plain)]))
        }
        lines.append(StyledLine([("  " + s("jobs.perWeek") + " ", .muted), (String(agreement.perWeek), .bold)]))
        return lines.map { ($0, .agreement) }
    }

    /// Follow-along support: its rhythm, the next contact and the last one held; or, when the
    /// outcome or a milestone says a job or education started, the offer to start it.
    private static func followAlong(_ p: Participant, today: Day, env: UIEnvironment, width: Int) -> [Line] {
        let s = env.strings
        guard let support = p.followAlong else {
            guard let started = p.startedJobOrEducation else { return [] }
            return [
                (StyledLine(s("follow.heading"), .heading), .followAlong),
                (StyledLine("  " + OutcomeFollowAlong.question(started, strings: s)), .followAlong),
                (StyledLine("  " + s("follow.offerKey"), .muted), .followAlong),
            ]
        }
        var lines = [
            StyledLine([
                (s("follow.heading"), .heading),
                ("  " + s("follow.since.\(support.reason.rawValue)", ["date": s.shortDate(support.start)]), .muted),
            ])
        ]
        if !support.what.isEmpty { lines.append(StyledLine("  " + support.what)) }
        lines.append(StyledLine("  " + support.rhythm(strings: s), .muted))
        if let due = support.nextDue {
            let key = due < today ? "follow.overdue" : "follow.next"
            lines.append(StyledLine("  " + s(key, ["date": s.dayWithWeekday(due, year: false)]), due < today ? .warning : .bold))
        } else {
            lines.append(StyledLine("  " + s("follow.ended"), .muted))
        }
        if let last = support.lastContact {
            let with = last.with.isEmpty ? "" : " · " + last.with
            lines.append(StyledLine("  " + s("follow.last", ["date": s.shortDate(last.day)]) + with, .muted))
            lines += quoted(last.said.text, indent: 4, width: width, strings: s)
        }
        return lines.map { ($0, .followAlong) }
    }

    private static func glance(_ glance: JobSearchGlance, env: UIEnvironment) -> [StyledLine] {
        let s = env.strings
        let week =
            glance.agreedPerWeek.map { s("jobs.weekOf", ["n": String(glance.thisWeek), "of": String($0)]) }
            ?? s("jobs.week", count: glance.thisWeek)
        let interviews = s("jobs.interviews", count: glance.interviewsSoFar)
        var lines = [StyledLine(s("jobs.glance"), .heading), StyledLine("  " + week + " · " + interviews)]
        guard let first = glance.firstContact, let weeks = glance.weeksSinceLastContact else {
            lines.append(StyledLine("  " + s("jobs.noContactYet"), .muted))
            return lines
        }
        let last =
            weeks == 0
            ? s("jobs.lastOn", ["date": s.shortDate(glance.lastContact ?? first)])
            : s("jobs.lastWeeks", count: weeks)
        let within = glance.firstContactWithin30Days == true ? "jobs.firstWithin" : "jobs.first"
        lines.append(StyledLine("  " + last))
        lines.append(StyledLine("  " + s(within, ["date": s.shortDate(first)])))
        return lines
    }

    private static func applications(_ applications: [JobApplication], env: UIEnvironment, width: Int) -> [Line] {
        let s = env.strings
        var lines: [Line] = [(StyledLine(s("jobs.applications", ["n": String(applications.count)]), .heading), nil)]
        if applications.isEmpty { lines.append((StyledLine("  " + s("jobs.noApplications"), .muted), nil)) }
        let sorted = applications.sorted(by: { $0.day > $1.day })
        // Date and status columns as wide as their widest entry, two spaces from what follows;
        // a title's further lines start under the title.
        let dateColumn = max(13, sorted.map { DisplayWidth.of(s.shortDate($0.day)) }.max() ?? 0) + 2
        let statusColumn = max(15, sorted.map { DisplayWidth.of(s("jobs.status.\($0.status.rawValue)")) }.max() ?? 0) + 2
        for application in sorted {
            let row = JobsRow.application(application.id)
            let title = application.jobTitle.isEmpty ? application.employer : application.employer + " – " + application.jobTitle
            let line = StyledLine([
                ("  " + DisplayWidth.pad(s.shortDate(application.day), to: dateColumn), .plain),
                (DisplayWidth.pad(s("jobs.status.\(application.status.rawValue)"), to: statusColumn), .bold),
                (title, .plain),
                (" · " + s("jobs.method.\(application.method.rawValue)"), .muted),
            ])
            lines += line.wrapped(width: width, indent: 2 + dateColumn + statusColumn).map { ($0, row) }
            for interview in application.interviews {
                let row = JobsRow.interview(application: application.id, interview: interview.id)
                let when = s.dayWithWeekday(interview.day, year: false) + (interview.time.map { " " + $0 } ?? "")
                let place = interview.place.isEmpty ? "" : ", " + interview.place
                lines.append((StyledLine("      " + s("jobs.interview", ["when": when]) + place, .muted), row))
                if let went = interview.howItWent { lines += quoted(went.text, indent: 8, width: width, strings: s).map { ($0, row) } }
                if let feedback = interview.feedback {
                    lines += quoted(feedback.text, indent: 8, width: width, label: s("jobs.feedback"), strings: s).map { ($0, row) }
                }
            }
            if !application.nextStep.isEmpty {
                let when = application.nextStepDay.map { " (" + s.shortDate($0) + ")" } ?? ""
                lines.append((StyledLine("      " + s("jobs.next") + " " + application.nextStep + when, .muted), row))
            }
        }
        return lines
    }
}
