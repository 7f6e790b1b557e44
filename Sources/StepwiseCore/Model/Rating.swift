import Foundation

/// The citizen's ratings (1–10) of the indicators at one session, and the coach's belief.
public struct Rating: Codable, Equatable, Sendable {
    public var day: Day
    public var sessionId: String?
    /// Indicator id → 1…10.
    public var scores: [String: Int]
    /// The coach's belief that the citizen will get a job, 1…10, recorded separately.
    public var coachBelief: Int?
    public var stamp: Stamp

    public init(day: Day, sessionId: String?, scores: [String: Int], coachBelief: Int?, stamp: Stamp) {
        self.day = day
        self.sessionId = sessionId
        self.scores = scores
        self.coachBelief = coachBelief
        self.stamp = stamp
    }
}

/// How ratings moved: for each indicator the first, previous and latest score.
public struct Movement: Equatable, Sendable {
    public var first: Int?
    public var previous: Int?
    public var latest: Int?
    /// Every score in order, for a sparkline.
    public var all: [Int]

    /// The movement of one indicator over `ratings` (in the order given).
    public init(indicator: String, ratings: [Rating]) {
        all = ratings.compactMap { $0.scores[indicator] }
        first = all.first
        latest = all.last
        previous = all.count >= 2 ? all[all.count - 2] : nil
    }

    /// The movement of the coach's belief.
    public init(coachBeliefIn ratings: [Rating]) {
        all = ratings.compactMap(\.coachBelief)
        first = all.first
        latest = all.last
        previous = all.count >= 2 ? all[all.count - 2] : nil
    }

    /// Latest minus first, when there are two scores or more (a single score is no change).
    public var sinceStart: Int? { all.count > 1 ? latest.flatMap { l in first.map { l - $0 } } : nil }
    /// Latest minus previous, when both exist.
    public var sinceLast: Int? { latest.flatMap { l in previous.map { l - $0 } } }
}

/// Counts of indicators that went up, stayed or went down.
public struct StepMovement: Equatable, Sendable {
    public var up = 0
    public var same = 0
    public var down = 0

    /// Counts over the movements, comparing by `change` (since the start, or the last time).
    public init(_ movements: [Movement], change: (Movement) -> Int?) {
        for movement in movements {
            guard let delta = change(movement) else { continue }
            if delta > 0 { up += 1 } else if delta < 0 { down += 1 } else { same += 1 }
        }
    }
}
