import Foundation

/// What an organisation report covers: a period, and optionally one coach, one offer kind,
/// one language, or one cohort (participants whose course started between two days).
public struct ReportQuery: Equatable, Sendable {
    /// First and last day of the period (both included).
    public var from: Day
    public var to: Day
    /// Only participants this coach created or held a session with (by the coach's name).
    public var coach: String?
    /// Only participants who had a seat in an offer of this kind; the offer figures show only
    /// this kind.
    public var offerKind: String?
    /// Only participants whose language is this code.
    public var language: String?
    /// Only participants whose course started in this range.
    public var cohort: ClosedRange<Day>?
    /// N in "moved at least one step on at least N indicators".
    public var minimumIndicators: Int

    public init(
        from: Day, to: Day, coach: String? = nil, offerKind: String? = nil, language: String? = nil,
        cohort: ClosedRange<Day>? = nil, minimumIndicators: Int = 3
    ) {
        self.from = from
        self.to = to
        self.coach = coach
        self.offerKind = offerKind
        self.language = language
        self.cohort = cohort
        self.minimumIndicators = minimumIndicators
    }

    /// The twelve months up to and including `today`.
    public static func lastTwelveMonths(today: Day) -> ReportQuery {
        ReportQuery(from: today.adding(days: -364), to: today)
    }

    /// True when `participant` is counted: their course overlaps the period and every filter
    /// given matches. `bookedKinds` are the kinds of the offers they hold a seat in.
    public func includes(_ participant: Participant, bookedKinds: Set<String>) -> Bool {
        includes(ReportRecord(participant), bookedKinds: bookedKinds)
    }

    /// True when the participant `record` is read from is counted (as `includes(_:bookedKinds:)`).
    public func includes(_ record: ReportRecord, bookedKinds: Set<String>) -> Bool {
        guard record.courseStart <= to, record.courseEnd >= from else { return false }
        if let language, record.language != language { return false }
        if let cohort, !cohort.contains(record.courseStart) { return false }
        if let offerKind, !bookedKinds.contains(offerKind) { return false }
        if let coach, record.createdBy != coach, !record.sessionCoaches.contains(coach) { return false }
        return true
    }
}
