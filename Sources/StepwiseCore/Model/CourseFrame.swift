import Foundation

/// The fixed frame of a 26-week course: its weeks, its end and its mandatory conversations.
public enum CourseFrame {
    /// Weeks in a course.
    public static let weeks = 26
    /// The default week of each mandatory conversation: at the start, halfway, near the end.
    public static let defaultConversationWeeks = [1, 13, 25]

    /// The last day of a course that starts on `start`.
    public static func end(start: Day) -> Day { start.adding(days: weeks * 7 - 1) }

    /// Where a day falls in a course.
    public enum Position: Equatable, Sendable {
        /// Starts in this many days.
        case notStarted(daysToGo: Int)
        /// In this week, 1…26.
        case week(Int)
        /// Ended this many days ago.
        case ended(daysAgo: Int)
    }

    /// Where `today` falls in a course that starts on `start`.
    public static func position(start: Day, today: Day) -> Position {
        let elapsed = start.days(to: today)
        if elapsed < 0 { return .notStarted(daysToGo: -elapsed) }
        let week = elapsed / 7 + 1
        if week > weeks { return .ended(daysAgo: end(start: start).days(to: today)) }
        return .week(week)
    }

    /// The three mandatory conversations in their default weeks, on the course's weekday
    /// (moved to the Monday after when that falls on a weekend).
    public static func defaultConversations(start: Day) -> [Conversation] {
        defaultConversationWeeks.enumerated().map { index, week in
            Conversation(number: index + 1, planned: workday(start.adding(days: (week - 1) * 7)))
        }
    }

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
