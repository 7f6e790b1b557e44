import Foundation

/// The job search at a glance on one day: figures the citizen and coach read together, in the
/// citizen's own overview. Weeks run Monday to Sunday (ISO 8601). The 30-day figure is the IPS
/// fidelity item "rapid job search: first employer contact within about a month of entry"
/// (`/work/shared/DOMAIN.md`).
public struct JobSearchGlance: Equatable, Sendable {
    /// Applications and employer contacts dated in the week (Monday to Sunday) that holds `today`.
    public var thisWeek: Int
    /// Contacts a week in the agreement; nil while there is no agreement.
    public var agreedPerWeek: Int?
    /// The last contact on or before `today`; nil when none.
    public var lastContact: Day?
    /// Whole weeks (7 days each) from the last contact on or before `today` to `today`; nil when none.
    public var weeksSinceLastContact: Int?
    /// The day of the first employer contact; nil when none.
    public var firstContact: Day?
    /// True when the first contact came at most 30 days after the course start; nil when none yet.
    public var firstContactWithin30Days: Bool?
    /// Interviews held on or before `today`.
    public var interviewsSoFar: Int

    /// The most days after the course start for a first employer contact to count as rapid (IPS).
    public static let rapidFirstContactDays = 30

    /// The figures for `search` on `today`, for a course that starts on `courseStart`.
    public init(_ search: JobSearch, today: Day, courseStart: Day) {
        let monday = today.adding(days: 1 - today.weekday)
        let sunday = monday.adding(days: 6)
        let days = search.applications.map(\.day)
        thisWeek = days.filter { $0 >= monday && $0 <= sunday }.count
        agreedPerWeek = search.agreement?.perWeek
        lastContact = days.filter { $0 <= today }.max()
        weeksSinceLastContact = lastContact.map { $0.days(to: today) / 7 }
        firstContact = days.min()
        firstContactWithin30Days = firstContact.map { courseStart.days(to: $0) <= JobSearchGlance.rapidFirstContactDays }
        interviewsSoFar = search.applications.flatMap(\.interviews).filter { $0.day <= today }.count
    }
}

extension Participant {
    /// The job search at a glance on `today`.
    public func jobSearchGlance(today: Day) -> JobSearchGlance {
        JobSearchGlance(jobSearch, today: today, courseStart: courseStart)
    }
}
