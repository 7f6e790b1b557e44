import Foundation
import StepwiseCore

/// What `update` and the views need besides the state: strings, date reading, and the
/// inputs that would otherwise be ambient (new ids, the time zone, the home folder), so that
/// update and render are functions of their arguments alone.
public struct UIEnvironment: Sendable {
    public var strings: Localizer
    public var dates: DateParser
    /// Language codes that have a string table (for the language field).
    public var languages: [String]
    /// The progress indicators the citizen rates.
    public var indicators: IndicatorSet
    /// The string table of every language, for summaries in the citizen's language.
    public var tables: [String: Localizer]

    /// Where the string tables are, to read a citizen's language when it is first needed.
    public var resources: URL?
    /// Makes a new record id with the given prefix ("g" goal, "s" step, "n" note, "c" contact,
    /// "x" session, "o" offer); random in the program, counted in tests.
    public var makeID: @Sendable (String) -> String
    /// The time zone clock times are shown and entered in: times its clock skips or repeats
    /// are refused (`LocalTime`), and attendance opens when a session has started in it.
    public var timeZone: TimeZone
    /// The user's home folder, for suggested file names (e.g. the calendar file).
    public var home: String
    /// The fonts the summary is typeset in (nil when they cannot be read; the shell reads them).
    public var fonts: SummaryFonts?
    /// The frame of a course added now: the organisation's `course.weeks` and
    /// `course.conversations` (see `Settings.courseFrame`).
    public var courseFrame: CourseFrame
    /// What the organisation puts on every plan summary (see `Settings.letterhead(for:)`).
    public var letterhead: SummaryLetterhead

    public init(
        strings: Localizer, dates: DateParser, languages: [String], indicators: IndicatorSet, tables: [String: Localizer] = [:],
        resources: URL? = nil, makeID: @escaping @Sendable (String) -> String = { RecordID.generate(prefix: $0) },
        timeZone: TimeZone = .gmt, home: String = "/tmp", courseFrame: CourseFrame = .standard,
        letterhead: SummaryLetterhead = .none
    ) {
        self.strings = strings
        self.dates = dates
        self.languages = languages
        self.indicators = indicators
        self.tables = tables
        self.resources = resources
        self.makeID = makeID
        self.timeZone = timeZone
        self.home = home
        self.courseFrame = courseFrame
        self.letterhead = letterhead
    }

    /// The strings of `language`, else English, else the screen's.
    public func table(for language: String) -> Localizer {
        tables[language] ?? tables["en"] ?? strings
    }
}
