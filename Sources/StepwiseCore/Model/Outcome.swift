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

/// Where the citizen stands at the end of the course.
public struct Outcome: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case job, education, internship, anotherCourse, noChange, other
    }

    public var kind: Kind
    /// For a job: hours per week.
    public var hoursPerWeek: Int?
    public var text: String
    public var day: Day

    public init(kind: Kind, hoursPerWeek: Int?, text: String, day: Day) {
        self.kind = kind
        self.hoursPerWeek = hoursPerWeek
        self.text = text
        self.day = day
    }
}
