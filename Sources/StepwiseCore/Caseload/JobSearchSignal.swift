import Foundation

/// The one short job-search signal the caseload shows for a participant, for a coach to scan:
/// a follow-along contact that is due or overdue, or weeks without an employer contact under
/// an agreement that asks for contacts. Neutral: it says what is so, never whose fault it is.
/// A citizen whose agreement says 0 contacts a week gets no contact signal (the citizen decides).
public enum JobSearchSignal: Equatable, Sendable {
    /// The next follow-along contact was due on this day, before today.
    case followAlongOverdue(Day)
    /// The next follow-along contact is due on this day, today or within `dueSoonDays`.
    case followAlongDue(Day)
    /// No employer contact for this many whole weeks (at least `quietWeeks`).
    case noContact(weeks: Int)
    /// An agreement asks for contacts, and none is recorded yet.
    case noContactYet

    /// Days ahead in which a follow-along contact counts as due.
    public static let dueSoonDays = 7
    /// Whole weeks without an employer contact before the caseload says so.
    public static let quietWeeks = 2

    /// The signal on `today` from what the caseload keeps of a participant (see `CaseloadEntry`);
    /// nil when there is nothing to say. Follow-along comes first: a citizen in a job is not searching.
    public init?(lastContact: Day?, followAlongDue: Day?, contactsAgreed: Bool, today: Day) {
        if let due = followAlongDue {
            if due < today {
                self = .followAlongOverdue(due)
                return
            }
            guard today.days(to: due) > JobSearchSignal.dueSoonDays else {
                self = .followAlongDue(due)
                return
            }
            return nil
        }
        guard contactsAgreed else { return nil }
        guard let last = lastContact else {
            self = .noContactYet
            return
        }
        let weeks = last.days(to: today) / 7
        guard weeks >= JobSearchSignal.quietWeeks else { return nil }
        self = .noContact(weeks: weeks)
    }

    /// True for a follow-along contact past its day.
    public var isOverdue: Bool {
        if case .followAlongOverdue = self { return true }
        return false
    }
}

extension CaseloadEntry {
    /// The participant's job-search signal on `today`, if any.
    public func jobSearchSignal(today: Day) -> JobSearchSignal? {
        JobSearchSignal(lastContact: lastEmployerContact, followAlongDue: followAlongDue, contactsAgreed: contactsAgreed, today: today)
    }
}

extension Participant {
    /// The day of the latest application or employer contact, if any.
    public var lastEmployerContact: Day? { jobSearch.applications.map(\.day).max() }

    /// True when the job-search agreement asks for at least one contact a week.
    public var contactsAgreed: Bool { (jobSearch.agreement?.perWeek ?? 0) > 0 }
}
