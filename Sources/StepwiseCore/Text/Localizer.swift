import Foundation

/// UI strings for one language, read from `Resources/strings/<code>.json`, with English as
/// the fallback for anything a table lacks.
public struct Localizer: Sendable {
    /// The language code, e.g. `da`.
    public let language: String
    private let table: [String: String]
    private let fallback: [String: String]

    /// Builds a localizer from tables already read (used by tests).
    /// Lists used for every date shown, split once.
    private let dateLists: [String: [String]]

    public init(language: String, table: [String: String], fallback: [String: String]) {
        self.language = language
        self.table = table
        self.fallback = fallback
        var lists: [String: [String]] = [:]
        for key in ["months.short", "weekdays.short", "weekdays.long"] {
            lists[key] = Localizer.split(table[key] ?? fallback[key] ?? key)
        }
        dateLists = lists
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
            throw RecordProblem(kind: .unknownLanguage, file: "strings/\(language).json", reason: "no such language")
        }
        guard let table = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw RecordProblem(file: "strings/\(language).json", reason: "is not a JSON object of strings")
        }
        return table
    }

    /// The keys of this language's own table.
    public var keys: Set<String> { Set(table.keys) }

    /// The text for `key` with `{name}` placeholders filled in.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = table[key] ?? fallback[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The text for a count `n`, with `{n}` filled in: the key's `.one` form when `n` is 1,
    /// else its `.other` form. These are the CLDR plural categories of English, Danish, Swedish
    /// and German for whole numbers (CLDR `plurals.xml`: `one` is `i = 1 and v = 0` in en, sv
    /// and de, and `n = 1 or t != 0 and i = 0,1` in da, which is n = 1 for whole numbers).
    public func callAsFunction(_ key: String, count n: Int, _ arguments: [String: String] = [:]) -> String {
        self(key + (n == 1 ? ".one" : ".other"), arguments.merging(["n": String(n)]) { given, _ in given })
    }

    /// A comma-separated list from the table, e.g. month names.
    public func list(_ key: String) -> [String] {
        dateLists[key] ?? Localizer.split(self(key))
    }

    /// A short date such as "3 Dec 2026" or "3. dec. 2026".
    public func shortDate(_ day: Day) -> String {
        let c = day.components
        let months = list("months.short")
        let month = months.indices.contains(c.month - 1) ? months[c.month - 1] : String(c.month)
        return self("date.short", ["d": String(c.day), "mon": month, "y": String(c.year)])
    }

    /// The date in the numeric form people type in this language, e.g. "3.12.2026" or "3/12/2026".
    public func numericDate(_ day: Day) -> String {
        let c = day.components
        return self("date.numeric", ["d": String(c.day), "m": String(c.month), "y": String(c.year)])
    }

    /// A date with its weekday, such as "Thu 3 Dec 2026" (or "Thu 3 Dec" without the year).
    public func dayWithWeekday(_ day: Day, year: Bool = true) -> String {
        let names = list("weekdays.short")
        let weekday = names.indices.contains(day.weekday - 1) ? names[day.weekday - 1] : ""
        guard !year else { return weekday + " " + shortDate(day) }
        let c = day.components
        let months = list("months.short")
        let month = months.indices.contains(c.month - 1) ? months[c.month - 1] : String(c.month)
        return weekday + " " + self("date.dayMonth", ["d": String(c.day), "mon": month])
    }
}
