import Foundation
import StepwiseCore

/// What `update` and the views need besides the state: strings and date reading.
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

    public init(strings: Localizer, dates: DateParser, languages: [String], indicators: IndicatorSet, tables: [String: Localizer] = [:],
                resources: URL? = nil) {
        self.strings = strings
        self.dates = dates
        self.languages = languages
        self.indicators = indicators
        self.tables = tables
        self.resources = resources
    }

    /// The strings of `language`, else English, else the screen's.
    public func table(for language: String) -> Localizer {
        tables[language] ?? tables["en"] ?? strings
    }
}
