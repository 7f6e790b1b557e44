import StepwiseCore

/// The jobs tab: the citizen's own overview of their job search. The agreement, the figures at
/// a glance and the applications with their interviews, in neutral words.
enum JobsView {
    static func lines(_ p: Participant, today: Day, env: UIEnvironment) -> [StyledLine] {
        agreement(p.jobSearch.agreement, env: env) + [.blank] + glance(p.jobSearchGlance(today: today), env: env)
            + [.blank] + applications(p.jobSearch.applications, env: env)
    }

    private static func agreement(_ agreement: JobSearchAgreement?, env: UIEnvironment) -> [StyledLine] {
        let s = env.strings
        guard let agreement else {
            return [StyledLine(s("jobs.agreement"), .heading), StyledLine("  " + s("jobs.noAgreement"), .muted)]
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
        return lines
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
        let last = weeks == 0 ? s("jobs.lastThisWeek") : s("jobs.lastWeeks", count: weeks)
        let within = glance.firstContactWithin30Days == true ? "jobs.firstWithin" : "jobs.first"
        lines.append(StyledLine("  " + last))
        lines.append(StyledLine("  " + s(within, ["date": s.shortDate(first)])))
        return lines
    }

    private static func applications(_ applications: [JobApplication], env: UIEnvironment) -> [StyledLine] {
        let s = env.strings
        var lines = [StyledLine(s("jobs.applications", ["n": String(applications.count)]), .heading)]
        if applications.isEmpty { lines.append(StyledLine("  " + s("jobs.noApplications"), .muted)) }
        let sorted = applications.sorted(by: { $0.day > $1.day })
        // Date and status columns as wide as their widest entry, one space from what follows.
        let dateWidth = sorted.map { DisplayWidth.of(s.shortDate($0.day)) }.max() ?? 0
        let statusWidth = sorted.map { DisplayWidth.of(s("jobs.status.\($0.status.rawValue)")) }.max() ?? 0
        for application in sorted {
            let title = application.jobTitle.isEmpty ? application.employer : application.employer + " – " + application.jobTitle
            lines.append(
                StyledLine([
                    ("  " + DisplayWidth.pad(s.shortDate(application.day), to: max(13, dateWidth) + 1), .plain),
                    (DisplayWidth.pad(s("jobs.status.\(application.status.rawValue)"), to: max(15, statusWidth) + 1), .bold),
                    (title, .plain),
                    (" · " + s("jobs.method.\(application.method.rawValue)"), .muted),
                ]))
            for interview in application.interviews {
                let when = s.dayWithWeekday(interview.day, year: false) + (interview.time.map { " " + $0 } ?? "")
                let place = interview.place.isEmpty ? "" : ", " + interview.place
                lines.append(StyledLine("      " + s("jobs.interview", ["when": when]) + place, .muted))
                if let went = interview.howItWent { lines.append(StyledLine("        " + s("summary.quoted", ["text": went.text]))) }
                if let feedback = interview.feedback {
                    lines.append(StyledLine("        " + s("jobs.feedback") + " " + feedback.text))
                }
            }
            if !application.nextStep.isEmpty {
                let when = application.nextStepDay.map { " (" + s.shortDate($0) + ")" } ?? ""
                lines.append(StyledLine("      " + s("jobs.next") + " " + application.nextStep + when, .muted))
            }
        }
        return lines
    }
}
