import Foundation

/// The job search and follow-along support in the plan summary, in the citizen's language: a
/// part the citizen can show the job centre. The agreement as approved, the applications and
/// employer contacts with what came of them, the interviews with how they went in the
/// citizen's words and the employer's feedback; then the support after a job or education
/// started, with its rhythm, the next contact and the contacts held.
extension Summary {
    /// The job-search section and the follow-along section; each is left out when empty.
    var jobSearchSections: [SummarySection] {
        [jobSearchSection, followAlongSection].filter { !$0.items.isEmpty }
    }

    private var jobSearchSection: SummarySection {
        let s = strings
        let search = participant.jobSearch
        var items: [SummaryItem] = []
        if let agreement = search.agreement {
            let approval =
                agreement.isApproved
                ? agreement.approvals.last.map { s("jobs.approved", ["name": SummaryText.clean($0.stamp.by), "date": s.shortDate($0.day)]) }
                : nil
            let fields: [(String, String)] = [
                ("jobs.titles", agreement.titles), ("jobs.travel", agreement.travel), ("jobs.hours", agreement.hours),
                ("jobs.channels", agreement.channels),
                ("jobs.methods", agreement.methods.map { s("jobs.method.\($0.rawValue)") }.joined(separator: ", ")),
                ("jobs.perWeek", String(agreement.perWeek)),
            ]
            let children = fields.filter { !$0.1.isEmpty }.map { key, value in
                SummaryItem([SummaryRun(s(key) + " ", .note), SummaryRun(SummaryText.clean(value))])
            }
            var runs = [SummaryRun(s("jobs.agreement"), .strong)]
            runs.append(SummaryRun(" · " + (approval ?? s("summary.jobs.notApproved")), .note))
            items.append(SummaryItem(runs, children: children))
        }
        guard !items.isEmpty || !search.applications.isEmpty else { return SummarySection(id: "jobSearch", heading: "", items: []) }
        let glance = participant.jobSearchGlance(today: today)
        let interviews = s("jobs.interviews", count: glance.interviewsSoFar)
        items.append(
            SummaryItem([
                SummaryRun(s("jobs.applications", ["n": String(search.applications.count)]), .strong), SummaryRun(" · " + interviews),
            ]))
        for application in search.applications.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) {
            items.append(item(application))
        }
        return SummarySection(id: "jobSearch", heading: s("summary.jobSearch"), items: items)
    }

    /// "Mon 9 Nov 2026 · Bageriet Ørsted – Bagermedhjælper · walk-in · offer", with the
    /// interviews and the next step below.
    private func item(_ application: JobApplication) -> SummaryItem {
        let s = strings
        let title = [application.employer, application.jobTitle].map { SummaryText.clean($0) }.filter { !$0.isEmpty }
        let runs = [
            SummaryRun(s.dayWithWeekday(application.day), .strong),
            SummaryRun(" · " + title.joined(separator: " – ") + " · " + s("jobs.method.\(application.method.rawValue)") + " · "),
            SummaryRun(s("jobs.status.\(application.status.rawValue)"), .status),
        ]
        var children: [SummaryItem] = []
        for interview in application.interviews {
            var when = s.dayWithWeekday(interview.day)
            if let time = interview.time { when = s("summary.dateTime", ["date": when, "time": time]) }
            let place = SummaryText.clean(interview.place)
            let line = s("jobs.interview", ["when": when]) + (place.isEmpty ? "" : ", " + place)
            var below: [SummaryItem] = []
            if let went = interview.howItWent { below.append(SummaryItem(words(went))) }
            if let feedback = interview.feedback {
                below.append(SummaryItem([SummaryRun(s("jobs.feedback") + " ", .note)] + words(feedback)))
            }
            children.append(SummaryItem(marker: "•", [SummaryRun(line)], children: below))
        }
        if !application.nextStep.isEmpty {
            let when = application.nextStepDay.map { " (" + s.dayWithWeekday($0) + ")" } ?? ""
            children.append(SummaryItem([SummaryRun(s("jobs.next") + " ", .note), SummaryRun(SummaryText.clean(application.nextStep) + when)]))
        }
        return SummaryItem(marker: "•", runs, children: children)
    }

    private var followAlongSection: SummarySection {
        let s = strings
        guard let support = participant.followAlong else { return SummarySection(id: "followAlong", heading: "", items: []) }
        var head = [SummaryRun(s("follow.since.\(support.reason.rawValue)", ["date": s.shortDate(support.start)]), .strong)]
        let what = SummaryText.clean(support.what)
        if !what.isEmpty { head.append(SummaryRun(" · " + what)) }
        var items = [SummaryItem(head, children: [SummaryItem([SummaryRun(support.rhythm(strings: s))])])]
        if let due = support.nextDue {
            items.append(SummaryItem([SummaryRun(s("follow.next", ["date": s.dayWithWeekday(due)]), .strong)]))
        }
        for contact in support.contacts.sorted(by: { $0.day < $1.day }) {
            let with = SummaryText.clean(contact.with)
            let runs = [SummaryRun(s.dayWithWeekday(contact.day), .strong)] + (with.isEmpty ? [] : [SummaryRun(" · " + with)])
            items.append(SummaryItem(marker: "•", runs, children: [SummaryItem(words(contact.said))]))
        }
        return SummarySection(id: "followAlong", heading: s("follow.heading"), items: items)
    }
}
