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

    /// The twelve months up to and including `today` (`lastMonths(12, today:)`).
    public static func lastTwelveMonths(today: Day) -> ReportQuery { lastMonths(12, today: today) }

    /// The `months` calendar months that end on `today`, or `back` such periods earlier: the
    /// period ends on the same day of the month `back × months` months before `today` and
    /// starts the day after the same day `months` months before that, so "the last 6 months"
    /// on 30 November are 31 May – 30 November and the period before them 1 December –
    /// 30 May. Periods follow each other without a gap or an overlap. A day of the month that
    /// the earlier month lacks (31 August − 6 months) is that month's last day (28 or 29
    /// February), as a coach counts months on a calendar.
    public static func lastMonths(_ months: Int, back: Int = 0, today: Day) -> ReportQuery {
        let to = monthsBefore(today, months * back)
        return ReportQuery(from: monthsBefore(today, months * (back + 1)).adding(days: 1), to: to)
    }

    /// The same day of the month `n` months before `day`, or the last day of that month when
    /// it is shorter.
    static func monthsBefore(_ day: Day, _ n: Int) -> Day {
        let c = day.components
        let index = c.year * 12 + (c.month - 1) - n
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        return Day(year: year, month: month, day: min(c.day, Day.daysIn(month: month, year: year))) ?? day
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
