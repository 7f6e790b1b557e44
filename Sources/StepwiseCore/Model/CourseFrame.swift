import Foundation

/// The frame of a course: its weeks, its end and the weeks of its mandatory conversations.
/// The standard frame is 26 weeks with conversations in weeks 1, 13 and 25; an organisation
/// may set another in its configuration (`course.weeks`, `course.conversations`), which
/// applies to courses created from then on. A record keeps the frame it was created with.
public struct CourseFrame: Equatable, Sendable {
    /// Weeks in the course.
    public let weeks: Int
    /// The week of each mandatory conversation, ascending, each within the course.
    public let conversationWeeks: [Int]

    /// The course lengths an organisation may set, in weeks (up to two years).
    public static let weeksRange = 1...104
    /// 26 weeks, conversations at the start, halfway and near the end: the frame of every
    /// record written before the frame could be configured.
    public static let standard = CourseFrame(uncheckedWeeks: 26, conversationWeeks: [1, 13, 25])

    /// A frame of `weeks` (within `weeksRange`) with conversations in `conversationWeeks`
    /// (ascending, each from 1 to `weeks`; none for just the length); nil when those do not fit.
    public init?(weeks: Int, conversationWeeks: [Int]) {
        guard CourseFrame.weeksRange.contains(weeks), conversationWeeks.allSatisfy({ $0 >= 1 }),
            zip(conversationWeeks, conversationWeeks.dropFirst()).allSatisfy({ $0 < $1 }),
            conversationWeeks.allSatisfy({ $0 <= weeks })
        else { return nil }
        self.init(uncheckedWeeks: weeks, conversationWeeks: conversationWeeks)
    }

    private init(uncheckedWeeks: Int, conversationWeeks: [Int]) {
        weeks = uncheckedWeeks
        self.conversationWeeks = conversationWeeks
    }

    /// The standard frame's weeks (26).
    public static var weeks: Int { standard.weeks }

    /// The last day of a course that starts on `start`.
    public func end(start: Day) -> Day { start.adding(days: weeks * 7 - 1) }

    /// The last day of a course in the standard frame.
    public static func end(start: Day) -> Day { standard.end(start: start) }

    /// Where a day falls in a course.
    public enum Position: Equatable, Sendable {
        /// Starts in this many days.
        case notStarted(daysToGo: Int)
        /// In this week, 1…weeks.
        case week(Int)
        /// Ended this many days ago.
        case ended(daysAgo: Int)
    }

    /// Where `today` falls in a course that starts on `start`.
    public func position(start: Day, today: Day) -> Position {
        let elapsed = start.days(to: today)
        if elapsed < 0 { return .notStarted(daysToGo: -elapsed) }
        let week = elapsed / 7 + 1
        if week > weeks { return .ended(daysAgo: end(start: start).days(to: today)) }
        return .week(week)
    }

    /// Where `today` falls in a course in the standard frame.
    public static func position(start: Day, today: Day) -> Position { standard.position(start: start, today: today) }

    /// The mandatory conversations in their weeks, numbered from 1, on the course's weekday
    /// (moved to the Monday after when that falls on a weekend).
    public func conversations(start: Day) -> [Conversation] {
        conversationWeeks.enumerated().map { index, week in
            Conversation(number: index + 1, planned: CourseFrame.workday(start.adding(days: (week - 1) * 7)))
        }
    }

    /// The standard frame's conversations (used to complete records written before they were kept).
    public static func defaultConversations(start: Day) -> [Conversation] { standard.conversations(start: start) }

    /// The day itself on Monday to Friday, else the Monday after.
    public static func workday(_ day: Day) -> Day {
        day.weekday >= 6 ? day.adding(days: 8 - day.weekday) : day
    }

    /// The Monday of the week `day` falls in.
    public static func monday(of day: Day) -> Day { day.adding(days: 1 - day.weekday) }

    /// The next conversation still to be held, the earliest first.
    public static func nextConversation(_ conversations: [Conversation]) -> Conversation? {
        conversations.filter(\.isOpen).min { $0.planned < $1.planned }
    }

    /// True when an open conversation's date has passed.
    public static func isOverdue(_ conversation: Conversation, today: Day) -> Bool {
        conversation.isOpen && conversation.planned < today
    }
}
