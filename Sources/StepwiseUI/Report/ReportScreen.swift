import StepwiseCore

/// The report screen: the organisation report (`Report`) for the coach's own caseload or the
/// whole organisation, over a period that the arrow keys move. The report itself is made by
/// the shell (`Effect.makeReport`), which reads every participant file once.
public struct ReportScreen: Equatable, Sendable {
    /// Whose participants are counted.
    public enum Scope: String, Equatable, Sendable {
        /// Those the coach at this terminal created or held a session with (`ReportQuery.coach`).
        case caseload
        case organisation
    }

    /// The period lengths `p` goes through, in months.
    public static let lengths = [12, 6, 3, 1]

    public var scope: Scope = .caseload
    /// The period's length in calendar months (`ReportQuery.lastMonths`).
    public var months = 12
    /// How many periods back from the one that ends today.
    public var back = 0
    /// First line shown.
    public var scroll = 0
    /// The report for `query`, once made.
    public var report: Report?

    public init() {}

    /// The query for the shown scope and period, as it stands on `today` for `coach`.
    public func query(today: Day, coach: String) -> ReportQuery {
        var query = ReportQuery.lastMonths(months, back: back, today: today)
        query.coach = scope == .caseload ? coach : nil
        return query
    }
}
