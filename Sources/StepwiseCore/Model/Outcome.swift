import Foundation

/// A marked moment on the way: CV ready, first company visit, …
public struct Milestone: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case cvReady, firstCompanyVisit, internshipStarted, jobInterview, jobOrEducationStarted, custom
    }

    public var kind: Kind
    /// Words for a custom milestone, or a remark.
    public var text: String
    public var day: Day

    public init(kind: Kind, text: String, day: Day) {
        self.kind = kind
        self.text = text
        self.day = day
    }
}

/// Where the citizen stands at the end of the course, and later where a follow-along contact
/// found them 3 and 6 months after the end (the measure ESF projects and the Danish
/// job-centre follow-up ask for).
public struct Outcome: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case job, education, internship, anotherCourse, noChange, other
    }

    /// Where the citizen stood some months after the end: the same categories as at the end,
    /// and the day a follow-along contact recorded it.
    public struct Later: Codable, Equatable, Sendable {
        public var kind: Kind
        /// For a job: hours per week.
        public var hoursPerWeek: Int?
        /// The day it was recorded.
        public var recorded: Day

        public init(kind: Kind, hoursPerWeek: Int?, recorded: Day) {
            self.kind = kind
            self.hoursPerWeek = hoursPerWeek
            self.recorded = recorded
        }
    }

    /// How many months after the end a later result is asked for.
    public static let laterMonths = [3, 6]

    public var kind: Kind
    /// For a job: hours per week.
    public var hoursPerWeek: Int?
    public var text: String
    public var day: Day
    /// Where the citizen stood 3 and 6 months after the end; nil until recorded.
    public var after3Months: Later?
    public var after6Months: Later?

    public init(kind: Kind, hoursPerWeek: Int?, text: String, day: Day, after3Months: Later? = nil, after6Months: Later? = nil) {
        self.kind = kind
        self.hoursPerWeek = hoursPerWeek
        self.text = text
        self.day = day
        self.after3Months = after3Months
        self.after6Months = after6Months
    }

    /// The day a later result falls due: `months` after the course ended `end`, a month
    /// counted as 365/12 days (3 months = 91 days, 6 months = 182).
    public static func laterDue(end: Day, months: Int) -> Day { end.adding(days: months * 365 / 12) }

    /// The later result `months` (3 or 6) after the end; nil for any other number.
    public func later(months: Int) -> Later? {
        switch months {
        case 3: return after3Months
        case 6: return after6Months
        default: return nil
        }
    }
}
