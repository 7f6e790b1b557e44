import Foundation

/// Records kept longer than needed (`stepwise check --retention DAYS`): those whose 26-week
/// course ended more than a given number of days ago. Listing them erases nothing; the
/// coach decides, with the citizen where possible, and erases with `stepwise erase`.
public enum Retention {
    /// A record past the retention period: only the id and dates, never a name.
    public struct Expired: Equatable, Sendable {
        public var id: String
        public var courseEnd: Day
        /// Days from the course end to today.
        public var daysSince: Int
    }

    /// Records whose course ended more than `days` days before `today`, longest ago first,
    /// and a problem for each record that could not be read (it cannot be judged).
    public static func expired(in store: DataStore, olderThan days: Int, today: Day) -> (expired: [Expired], problems: [RecordProblem]) {
        var expired: [Expired] = []
        var problems: [RecordProblem] = []
        // The caseload (through its index) knows every course start without parsing every file.
        for row in store.loadCaseload() {
            switch row {
            case .participant(let entry):
                let end = CourseFrame.end(start: entry.courseStart)
                let since = end.days(to: today)
                if since > days { expired.append(Expired(id: entry.id, courseEnd: end, daysSince: since)) }
            case .unreadable(_, let problem):
                problems.append(problem)
            }
        }
        expired.sort { ($0.courseEnd, $0.id) < ($1.courseEnd, $1.id) }
        return (expired, problems)
    }
}
