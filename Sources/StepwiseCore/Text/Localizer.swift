import Foundation

/// UI strings for one language, read from `Resources/strings/<code>.json`, with English as
/// the fallback for anything a table lacks.
public struct Localizer: Sendable {
    /// The language code, e.g. `da`.
    public let language: String
    private let table: [String: String]
    private let fallback: [String: String]

    /// Dates, numbers, language names and name order from the locale of `language`.
    public let formats: LocaleFormats

    /// Builds a localizer from tables already read (used by tests).
    public init(language: String, table: [String: String], fallback: [String: String]) {
        self.language = language
        self.table = table
        self.fallback = fallback
        formats = LocaleFormats(language: language)
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Reads the table of `language` (and English) from `resources/strings`.
    public static func load(language: String, resources: URL) throws -> Localizer {
        let english = try readTable("en", resources: resources)
        let table = language == "en" ? english : try readTable(language, resources: resources)
        return Localizer(language: language, table: table, fallback: english)
    }

    /// The language codes that have a string table.
    public static func available(resources: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resources.appendingPathComponent("strings").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The language to use: `option` if given, else the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that has a table, else English.
    public static func chooseLanguage(option: String?, environment: [String: String], available: [String]) -> String {
        if let option { return option }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            let code = String(value.prefix { $0.isLetter }).lowercased()
            if available.contains(code) { return code }
        }
        return "en"
    }

    static func readTable(_ language: String, resources: URL) throws -> [String: String] {
        let url = resources.appendingPathComponent("strings/\(language).json")
        guard RecordID.isValid(language), let data = FileManager.default.contents(atPath: url.path) else {
            throw RecordProblem(kind: .unknownLanguage, file: "strings/\(language).json", reason: ProblemReason("no such language", key: "problem.noSuchLanguage"))
        }
        guard let table = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw RecordProblem(file: "strings/\(language).json", reason: .untranslated("is not a JSON object of strings"))
        }
        return table
    }

    /// The keys of this language's own table.
    public var keys: Set<String> { Set(table.keys) }

    /// The text for `key` with `{name}` placeholders filled in.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        Localizer.fill(table[key] ?? fallback[key] ?? key, arguments)
    }

    /// `text` with every `{name}` whose name is a key of `arguments` replaced by its value, in
    /// one pass from the start: what a value brings in is never read as a placeholder, and a
    /// `{name}` not in `arguments` stays as it is.
    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        guard !arguments.isEmpty, text.utf8.contains(open) else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.utf8.firstIndex(of: open) {
            result += rest[..<start]
            let name = rest.utf8.index(after: start)
            if let end = rest.utf8[name...].firstIndex(of: close), let value = arguments[String(rest[name..<end])] {
                result += value
                rest = rest[rest.utf8.index(after: end)...]
            } else {
                result += "{"
                rest = rest[name...]
            }
        }
        return result + rest
    }

    /// The text for a count `n`, with `{n}` filled in: the key's `.one` form when `n` is 1,
    /// else its `.other` form. These are the CLDR plural categories of English, Danish, Swedish
    /// and German for whole numbers (CLDR `plurals.xml`: `one` is `i = 1 and v = 0` in en, sv
    /// and de, and `n = 1 or t != 0 and i = 0,1` in da, which is n = 1 for whole numbers).
    public func callAsFunction(_ key: String, count n: Int, _ arguments: [String: String] = [:]) -> String {
        self(key + (n == 1 ? ".one" : ".other"), arguments.merging(["n": String(n)]) { given, _ in given })
    }

    /// A comma-separated list from the table, e.g. the words for "today".
    public func list(_ key: String) -> [String] { Localizer.split(self(key)) }

    /// A short date from the locale's data: "3 Dec 2026", "3. dec. 2026", "3 dec. 2026", "3. Dez. 2026".
    public func shortDate(_ day: Day) -> String { formats.shortDate(day) }

    /// The date in the numeric form people write in this language, day and month in two digits:
    /// "03.12.2026" (da, de), "03/12/2026" (en), "2026-12-03" (sv, as Swedes write it: ISO 8601).
    public func numericDate(_ day: Day) -> String {
        let c = day.components
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return self("date.numeric", ["d": twoDigits(c.day), "m": twoDigits(c.month), "y": String(c.year)])
    }

    /// A date with its weekday from the locale's data: "Thu 3 Dec 2026", "tors. 3. dec. 2026",
    /// "tors 3 dec. 2026", "Do., 3. Dez. 2026" (or without the year: "tors. 3. dec.").
    public func dayWithWeekday(_ day: Day, year: Bool = true) -> String { formats.dayWithWeekday(day, year: year) }

    /// A date with its weekday and ISO week, for plans made by week numbers:
    /// "man. 7. dec. (uge 50)", "mån 7 dec. (v. 50)", "Mo., 7. Dez. (KW 50)", "Mon 7 Dec (week 50)".
    public func dayWithWeek(_ day: Day, year: Bool = false) -> String { withWeek(dayWithWeekday(day, year: year), of: day) }

    /// `text` (a date, or a date and time) followed by the ISO week of `day`: "tirs. 8. dec. 2026 kl. 10:00 (uge 50)".
    public func withWeek(_ text: String, of day: Day) -> String {
        self("date.withWeek", ["date": text, "week": String(formats.isoWeek(day))])
    }

    /// A decimal number with this language's mark: "7.5" (en), "7,5" (da, sv, de).
    public func number(_ value: Double, fractionDigits: Int = 1) -> String { formats.number(value, fractionDigits: fractionDigits) }

    /// The name of a language in this language: "dansk", not "da".
    public func languageName(_ code: String) -> String { formats.languageName(code) }

    /// `names` in this language's alphabetical order (Danish and Swedish put Å last).
    public func sorted(_ names: [String]) -> [String] { names.sorted(by: formats.precedes) }
}
