import Foundation

/// A configuration file (`stepwise.conf`) read into its entries.
///
/// The format, one setting a line, UTF-8:
///
///     # A comment: a line whose first non-blank character is '#'.
///     language = da
///     course.weeks = 20
///     [organisation]              # from here on, keys are organisation.KEY
///     name = Jobcenter Vejle
///     [coach anna]                # from here on, keys are coach.anna.KEY
///     phone = +45 76 81 00 00
///
/// Blank lines are ignored; a value runs from the first non-blank character after the first
/// `=` to the end of the line (so it may hold `=` and `#`); `[section]` and `[section name]`
/// put `section.` or `section.name.` before the keys that follow, until the next section.
/// A key may appear once per file.
public enum SettingsFile {
    /// One `key = value` line, with its key completed by its section.
    public struct Entry: Equatable, Sendable {
        /// The full key, e.g. `coach.anna.phone`.
        public let key: String
        public let value: String
        /// 1-based line number.
        public let line: Int
    }

    /// The entries of `text`, read from `file` (named in problems), in file order.
    /// Throws `SettingsProblem` for a line that is neither a comment, a section nor
    /// `key = value`, and for a key given twice.
    public static func parse(_ text: String, file: String) throws -> [Entry] {
        var entries: [Entry] = []
        var prefix = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                prefix = try section(line, file: file, line: number)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw SettingsProblem(origin: "\(file):\(number)", key: nil, message: "expected 'key = value', a [section] or a # comment")
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                throw SettingsProblem(origin: "\(file):\(number)", key: nil, message: "expected a key without spaces before '='")
            }
            let key = prefix + name
            if let earlier = entries.first(where: { $0.key == key }) {
                throw SettingsProblem(origin: "\(file):\(number)", key: key, message: "is already set on line \(earlier.line)")
            }
            entries.append(Entry(key: key, value: value, line: number))
        }
        return entries
    }

    /// The key prefix of a `[section]` or `[section name]` line.
    private static func section(_ line: String, file: String, line number: Int) throws -> String {
        let words = line.dropFirst().split(separator: "]", omittingEmptySubsequences: false)
        let parts = words.first.map { $0.split(whereSeparator: \.isWhitespace) } ?? []
        guard line.hasSuffix("]"), words.count == 2, (1...2).contains(parts.count) else {
            throw SettingsProblem(origin: "\(file):\(number)", key: nil, message: "expected [section] or [section name], e.g. [coach anna]")
        }
        return parts.joined(separator: ".") + "."
    }
}

/// A setting that cannot be used: where it was given, which key, and why.
public struct SettingsProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// `FILE:LINE`, `$VARIABLE` or `--option`.
    public let origin: String
    public let key: String?
    public let message: String

    /// E.g. `/etc/stepwise/stepwise.conf:7: course.weeks: '0' is not a number of weeks from 1 to 104`.
    public var description: String { [origin, key, message].compactMap { $0 }.joined(separator: ": ") }
}
