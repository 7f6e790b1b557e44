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
        for id in store.participantIDs() {
            do {
                let participant = try store.loadParticipant(id)
                let end = participant.courseEnd
                let since = end.days(to: today)
                if since > days { expired.append(Expired(id: id, courseEnd: end, daysSince: since)) }
            } catch let problem as RecordProblem {
                problems.append(problem)
            } catch {
                problems.append(RecordProblem(file: "participants/\(id).json", reason: "\(error)"))
            }
        }
        expired.sort { ($0.courseEnd, $0.id) < ($1.courseEnd, $1.id) }
        return (expired, problems)
    }
}
