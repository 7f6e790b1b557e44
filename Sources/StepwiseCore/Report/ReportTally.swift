import Foundation

/// The counts an organisation report is made from, added up one participant at a time so that
/// a report reads each participant file once and its memory does not grow with the number of
/// participants (medians come from histograms of whole numbers, not from lists of values).
public struct ReportTally: Equatable, Sendable {
    /// Hours a week from which a job counts as full time (the Danish 37-hour week).
    public static let fullTimeHours = 37

    /// Where a participant stood at the end of the course, as the report groups it.
    public enum Result: String, CaseIterable, Sendable {
        case jobFullTime, jobPartTime, education, internship, anotherCourse, noChange, other, unknown
    }

    /// How one indicator moved, over the participants with at least two ratings of it.
    public struct Movement: Equatable, Sendable {
        public var higher = 0
        public var equal = 0
        public var lower = 0
        /// Latest minus first → number of participants.
        public var changes: [Int: Int] = [:]

        /// First and latest rating → number of participants (for the medians a chart draws).
        public var firsts: [Int: Int] = [:]
        public var latests: [Int: Int] = [:]

        public var count: Int { higher + equal + lower }

        /// Both movements' participants together.
        mutating func add(_ other: Movement) {
            higher += other.higher
            equal += other.equal
            lower += other.lower
            changes.merge(other.changes, uniquingKeysWith: +)
            firsts.merge(other.firsts, uniquingKeysWith: +)
            latests.merge(other.latests, uniquingKeysWith: +)
        }

        mutating func add(first: Int, latest: Int) {
            let change = latest - first
            if change > 0 { higher += 1 } else if change < 0 { lower += 1 } else { equal += 1 }
            changes[change, default: 0] += 1
            firsts[first, default: 0] += 1
            latests[latest, default: 0] += 1
        }

        /// The median change (the mean of the middle two for an even count); nil when no one.
        public var medianChange: Double? { ReportTally.median(changes) }
        /// The median first and latest rating; nil when no one.
        public var medianFirst: Double? { ReportTally.median(firsts) }
        public var medianLatest: Double? { ReportTally.median(latests) }
    }

    /// The participants counted.
    public var participants = 0
    /// Whose course started, ended, or was running at the end of the period (or today).
    public var started = 0
    public var ended = 0
    public var inCourse = 0
    /// Weeks in course by the end of the period (or today) → participants.
    public var weeksInCourse: [Int: Int] = [:]
    /// Mandatory conversations planned in the period: held on or before their day, held later,
    /// missed, and still open after their day.
    public var conversationsOnTime = 0
    public var conversationsLate = 0
    public var conversationsMissed = 0
    public var conversationsOverdue = 0
    /// Results of the participants whose course ended in the period.
    public var results: [Result: Int] = [:]
    /// Months after the end (3, 6) → results then, of the participants whose course ended in
    /// the period and whose later result is recorded or due (`Outcome.laterDue`); a due one
    /// not recorded counts as `unknown`.
    public var laterResults: [Int: [Result: Int]] = [:]
    /// Indicator id → movement; the coach's belief separately.
    public var indicators: [String: Movement] = [:]
    public var coachBelief = Movement()
    /// Participants with at least two ratings, and how many of them moved up at least one step
    /// on at least `minimumIndicators` indicators.
    public var rated = 0
    public var movedOnEnough = 0
    /// Offer kind → seats held by participants whose result was a job.
    public var kindsBookedByThoseInWork: [String: Int] = [:]

    public init() {}

    /// Adds one participant, as they stand on `today`. `booked` are the offers they hold a
    /// seat in (id → kind).
    public mutating func add(_ participant: Participant, booked: [String: String], query: ReportQuery, today: Day) {
        add(ReportRecord(participant), booked: booked, query: query, today: today)
    }

    /// Adds the participant `record` is read from (as `add(_:booked:query:today:)`).
    public mutating func add(_ participant: ReportRecord, booked: [String: String], query: ReportQuery, today: Day) {
        participants += 1
        let end = participant.courseEnd
        let cut = min(query.to, today)
        if (query.from...query.to).contains(participant.courseStart) { started += 1 }
        if (query.from...query.to).contains(end), end <= today { ended += 1 }
        if participant.courseStart <= cut && cut <= end { inCourse += 1 }
        if participant.courseStart <= cut {
            weeksInCourse[min(CourseFrame.weeks, participant.courseStart.days(to: min(cut, end)) / 7 + 1), default: 0] += 1
        }
        for conversation in participant.conversations where (query.from...query.to).contains(conversation.planned) {
            switch conversation.status {
            case .held:
                if let day = conversation.statusChanged, day > conversation.planned {
                    conversationsLate += 1
                } else {
                    conversationsOnTime += 1
                }
            case .missed: conversationsMissed += 1
            case .planned, .moved: if conversation.planned < today { conversationsOverdue += 1 }
            }
        }
        if (query.from...query.to).contains(end), end <= today {
            let result = participant.outcome.map { ReportTally.result($0.kind, hours: $0.hoursPerWeek) } ?? .unknown
            results[result, default: 0] += 1
            if result == .jobFullTime || result == .jobPartTime {
                for kind in booked.values { kindsBookedByThoseInWork[kind, default: 0] += 1 }
            }
            for months in Outcome.laterMonths {
                let later = participant.later[months]
                guard later != nil || Outcome.laterDue(end: end, months: months) <= today else { continue }
                laterResults[months, default: [:]][later.map { ReportTally.result($0.kind, hours: $0.hoursPerWeek) } ?? .unknown, default: 0] += 1
            }
        }
        addRatings(participant.ratings.filter { $0.day <= query.to }, query: query)
    }

    /// Adds the participants of `other` (a tally of other participants for the same query),
    /// as if each had been added here: every figure is a sum or a histogram.
    public mutating func add(_ other: ReportTally) {
        participants += other.participants
        started += other.started
        ended += other.ended
        inCourse += other.inCourse
        weeksInCourse.merge(other.weeksInCourse, uniquingKeysWith: +)
        conversationsOnTime += other.conversationsOnTime
        conversationsLate += other.conversationsLate
        conversationsMissed += other.conversationsMissed
        conversationsOverdue += other.conversationsOverdue
        results.merge(other.results, uniquingKeysWith: +)
        laterResults.merge(other.laterResults) { $0.merging($1, uniquingKeysWith: +) }
        for (id, movement) in other.indicators { indicators[id, default: Movement()].add(movement) }
        coachBelief.add(other.coachBelief)
        rated += other.rated
        movedOnEnough += other.movedOnEnough
        kindsBookedByThoseInWork.merge(other.kindsBookedByThoseInWork, uniquingKeysWith: +)
    }

    private mutating func addRatings(_ ratings: [ReportRecord.Rating], query: ReportQuery) {
        var ids = Set<String>()
        for rating in ratings { ids.formUnion(rating.scores.keys) }
        var movedUp = 0
        var anyPair = false
        for id in ids.sorted() {
            let scores = ratings.compactMap { $0.scores[id] }
            guard let first = scores.first, let latest = scores.last, scores.count >= 2 else { continue }
            anyPair = true
            indicators[id, default: Movement()].add(first: first, latest: latest)
            if latest > first { movedUp += 1 }
        }
        let beliefs = ratings.compactMap(\.coachBelief)
        if let first = beliefs.first, let latest = beliefs.last, beliefs.count >= 2 { coachBelief.add(first: first, latest: latest) }
        if anyPair {
            rated += 1
            if movedUp >= query.minimumIndicators { movedOnEnough += 1 }
        }
    }

    /// The report's group for a result of `kind` with `hours` a week (for a job).
    public static func result(_ kind: Outcome.Kind, hours: Int?) -> Result {
        switch kind {
        case .job: return (hours ?? 0) >= fullTimeHours ? .jobFullTime : .jobPartTime
        case .education: return .education
        case .internship: return .internship
        case .anotherCourse: return .anotherCourse
        case .noChange: return .noChange
        case .other: return .other
        }
    }

    /// The median of a histogram (value → how many); nil when it is empty.
    public static func median(_ histogram: [Int: Int]) -> Double? {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        let sorted = histogram.sorted { $0.key < $1.key }
        func value(at position: Int) -> Int {
            var seen = 0
            for (value, count) in sorted {
                seen += count
                if seen > position { return value }
            }
            return sorted.last?.key ?? 0
        }
        return total % 2 == 1 ? Double(value(at: total / 2)) : Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
    }
}
