import Foundation
import StepwiseCore

extension UIEnvironment {
    /// The environment of a screen in `language`, read from the `Resources/` folder at
    /// `resources`: its string table (with English as the fallback, and for reading dates
    /// typed in English too), the progress indicators, and the languages that have a table.
    /// The tables of other languages are read when a citizen's summary first needs them,
    /// except those named in `alsoLoading`, which are read now. `makeID`, `timeZone` and
    /// `home` are passed on as they are (see `init`).
    /// - Throws: `RecordProblem` when a table or the indicators cannot be read (for an
    ///   unknown language: reason "no such language").
    public static func load(
        resources: URL, language: String, alsoLoading: [String] = [],
        makeID: @escaping @Sendable (String) -> String = { RecordID.generate(prefix: $0) },
        timeZone: TimeZone = .gmt, home: String = "/tmp"
    ) throws -> UIEnvironment {
        let strings = try Localizer.load(language: language, resources: resources)
        let english = language == "en" ? strings : try Localizer.load(language: "en", resources: resources)
        var tables = ["en": english]
        tables[language] = strings
        for other in alsoLoading where tables[other] == nil {
            tables[other] = try Localizer.load(language: other, resources: resources)
        }
        return UIEnvironment(
            strings: strings, dates: DateParser(localizer: strings, english: english),
            languages: Localizer.available(resources: resources),
            indicators: try IndicatorSet.load(resources: resources), tables: tables, resources: resources,
            makeID: makeID, timeZone: timeZone, home: home)
    }
}
