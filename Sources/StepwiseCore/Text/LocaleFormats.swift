import Foundation

/// Dates, numbers, language names and the order of names in one UI language, all from
/// Foundation's locale data (CLDR, read through ICU on Linux) with an explicit locale per
/// language, never from the process's locale and never from hand-kept month or weekday lists.
///
/// Days are formatted in UTC on the Gregorian calendar, so a `Day` reads the same in every
/// time zone. The formatters are made once per language and used under a lock, so one value
/// may be shared between threads.
public final class LocaleFormats: @unchecked Sendable {
    /// The locale of the language: `en` is read as British English (day before month, as
    /// in Europe), `da`, `sv` and `de` as spoken in Denmark, Sweden and Germany.
    public let locale: Locale
    private let lock = NSLock()
    private let withWeekday: DateFormatter
    private let withWeekdayNoYear: DateFormatter
    private let plain: DateFormatter
    private let dayAndMonth: DateFormatter
    private let decimal: NumberFormatter
    private let week: Calendar
    /// The weekdays' full names as the locale writes them inside a sentence, Sunday first.
    private let weekdaySymbols: [String]

    /// Weekday names for reading dates typed by people, Monday first, lowercased and
    /// without a final dot: the full names ("torsdag") and the short ones ("tors").
    public let weekdayNames: (long: [String], short: [String])

    /// The patterns of a day with its weekday where CLDR's own template gives another form
    /// than the one people write by hand in that country (the comma in "Thu, 3 Dec 2026" for
    /// British English, none in "Do. 3. Dez." for German, whose medium date is "Do., 3. Dez. 2026").
    /// The names in them (weekday, month) still come from the locale.
    private static let weekdayPatterns: [String: (year: String, noYear: String)] = [
        "en": ("EEE d MMM y", "EEE d MMM"),
        "da": ("EEE d. MMM y", "EEE d. MMM"),
        "sv": ("EEE d MMM y", "EEE d MMM"),
        "de": ("EEE, d. MMM y", "EEE, d. MMM"),
    ]

    /// The region whose conventions a language code is written with.
    private static let regions = ["en": "en_GB", "da": "da_DK", "sv": "sv_SE", "de": "de_DE"]

    /// The formats of `language` (a code such as `da`); a language without its own entry
    /// uses its locale's templates.
    public init(language: String) {
        let locale = Locale(identifier: LocaleFormats.regions[language] ?? language)
        self.locale = locale
        let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        func formatter(pattern: String?, template: String) -> DateFormatter {
            let f = DateFormatter()
            f.locale = locale
            f.calendar = gregorian
            f.timeZone = utc
            if let pattern { f.dateFormat = pattern } else { f.setLocalizedDateFormatFromTemplate(template) }
            return f
        }
        let patterns = LocaleFormats.weekdayPatterns[language]
        withWeekday = formatter(pattern: patterns?.year, template: "EEEdMMMy")
        withWeekdayNoYear = formatter(pattern: patterns?.noYear, template: "EEEdMMM")
        plain = formatter(pattern: nil, template: "dMMMy")
        dayAndMonth = formatter(pattern: nil, template: "dMMM")
        decimal = NumberFormatter()
        decimal.locale = locale
        decimal.numberStyle = .decimal
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = utc
        week = iso
        // Foundation's lists start on Sunday; ours on Monday.
        func mondayFirst(_ names: [String]) -> [String] {
            let names = names.map { $0.lowercased(with: locale).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            return names.count == 7 ? Array(names[1...] + names[..<1]) : names
        }
        weekdayNames = (mondayFirst(plain.weekdaySymbols), mondayFirst(plain.shortWeekdaySymbols))
        weekdaySymbols = plain.weekdaySymbols ?? []
    }

    private func date(_ day: Day) -> Date { Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86_400) }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Whether the space between the word `before` and the word `after` must not break a
    /// line, because it is inside a date or a time as these formats write them: before a word
    /// that starts with a digit ("tors. 3.", "Dec 2026", "kl. 10:00", "Samtale 2"), or between a
    /// short number or a clock time and a short word ("3. dec.", "4 Dec", "10:00 Uhr"); but a
    /// date may end a line at its comma before a time ("2026, 10:00", "Nov., 10:00"). A no-break space
    /// (U+00A0, U+202F) never breaks either. A separator standing alone between spaces ("·",
    /// "–") stays with the word before it, so that no line starts with one. Every text wrapper
    /// (screens, the text summary, the PDF) asks this, so that a date or a time is never split
    /// across lines.
    public static func holdsTogether(_ before: some StringProtocol, _ after: some StringProtocol) -> Bool {
        guard let next = after.first, let last = before.last, last != " " else { return false }
        // `after == "·" || after == "–"`, asked only of one non-ASCII character.
        if let byte = after.utf8.first, byte >= 0x80, after.index(after: after.startIndex) == after.endIndex, next == "·" || next == "–" {
            return true
        }
        if last == ",", after.contains(":") || finalWord(of: before).contains(where: \.isNumber) { return false }
        if next.isNumber { return true }
        guard after.prefix(6).count <= 5 else { return false }
        let lastWord = finalWord(of: before)
        guard lastWord.first?.isNumber == true else { return false }
        return lastWord.prefix(4).count <= 3 || lastWord.contains(":")
    }

    /// The last word of `text` between spaces and no-break spaces (U+0020, U+00A0, U+202F),
    /// "" when there is none; found from the end, without splitting the whole text.
    private static func finalWord<Text: StringProtocol>(of text: Text) -> Text.SubSequence {
        // Without a space byte, or the last bytes of U+00A0 (C2 A0) and U+202F (E2 80 AF), the
        // text is one word.
        if !text.utf8.contains(where: { $0 == 0x20 || $0 == 0xA0 || $0 == 0xAF }) { return text[...] }
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\u{00A0}" || character == "\u{202F}" }
        var end = text.endIndex
        while end > text.startIndex, isSpace(text[text.index(before: end)]) { end = text.index(before: end) }
        var start = end
        while start > text.startIndex, !isSpace(text[text.index(before: start)]) { start = text.index(before: start) }
        return text[start..<end]
    }

    /// The days formatted so far, by formatter and day: a plan names the same days many
    /// times (an offer's sessions, due dates), and ICU formats one in microseconds. At most
    /// `memoLimit` entries; emptied when full.
    private var memo: [MemoKey: String] = [:]
    private static let memoLimit = 4096

    private struct MemoKey: Hashable {
        /// 0 `plain`, 1 `dayAndMonth`, 2 `withWeekday`, 3 `withWeekdayNoYear`.
        var formatter: Int
        var day: Int
    }

    /// `day` written by `formatter` (number `index` in `MemoKey`), from the memo when there.
    private func formatted(_ day: Day, _ formatter: DateFormatter, _ index: Int) -> String {
        locked {
            let key = MemoKey(formatter: index, day: day.ordinal)
            if let text = memo[key] { return text }
            let text = formatter.string(from: date(day))
            if memo.count >= LocaleFormats.memoLimit { memo.removeAll(keepingCapacity: true) }
            memo[key] = text
            return text
        }
    }

    /// "3 Dec 2026", "3. dec. 2026", "3 dec. 2026", "3. Dez. 2026".
    public func shortDate(_ day: Day) -> String { formatted(day, plain, 0) }

    /// "3 Dec", "3. dec.", "3 dec.", "3. Dez.".
    public func dayMonth(_ day: Day) -> String { formatted(day, dayAndMonth, 1) }

    /// The weekday's full name as it stands inside a sentence: "Thursday", "torsdag", "torsdag", "Donnerstag".
    public func weekdayName(_ day: Day) -> String {
        let index = day.weekday % 7  // Foundation's list starts on Sunday
        return weekdaySymbols.indices.contains(index) ? weekdaySymbols[index] : ""
    }

    /// "Thu 3 Dec 2026", "tors. 3. dec. 2026", "tors 3 dec. 2026", "Do., 3. Dez. 2026", or
    /// without the year "Thu 3 Dec", "tors. 3. dec.", "tors 3 dec.", "Do., 3. Dez.".
    public func dayWithWeekday(_ day: Day, year: Bool = true) -> String {
        year ? formatted(day, withWeekday, 2) : formatted(day, withWeekdayNoYear, 3)
    }

    /// The ISO 8601 week number of `day` (1–53; weeks start on Monday, week 1 holds the
    /// year's first Thursday), as Danish, Swedish and German offices plan by it.
    public func isoWeek(_ day: Day) -> Int { week.component(.weekOfYear, from: date(day)) }

    /// The Monday of ISO week `number` of the ISO week-numbering year `year`; nil when that
    /// year has no such week (week 53 exists only in some years).
    public func monday(ofWeek number: Int, year: Int) -> Day? {
        guard (1...53).contains(number), let jan4 = Day(year: year, month: 1, day: 4) else { return nil }
        let monday = jan4.adding(days: 1 - jan4.weekday).adding(days: (number - 1) * 7)
        return isoWeekYear(monday) == year ? monday : nil
    }

    /// The ISO week-numbering year `day` belongs to (the year of its week's Thursday).
    public func isoWeekYear(_ day: Day) -> Int { day.adding(days: 4 - day.weekday).components.year }

    /// `value` with the language's decimal mark and grouping: "7.5" (en), "7,5" (da, sv, de);
    /// at most `fractionDigits` decimals, none shown when the value is whole.
    public func number(_ value: Double, fractionDigits: Int = 1) -> String {
        locked {
            decimal.maximumFractionDigits = fractionDigits
            return decimal.string(from: NSNumber(value: value)) ?? String(value)
        }
    }

    /// The name of the language `code` in this language: "dansk" (da), "Danish" (en),
    /// "danska" (sv), "Dänisch" (de); the code itself when the locale data has no name.
    public func languageName(_ code: String) -> String {
        locale.localizedString(forLanguageCode: code) ?? code
    }

    /// How `a` sorts against `b` in this language: case ignored, numbers by value ("Kim 2"
    /// before "Kim 10"), letters in the language's alphabet (ICU collation of the locale).
    public func compare(_ a: String, _ b: String) -> ComparisonResult {
        a.compare(b, options: [.caseInsensitive, .numeric], range: nil, locale: locale)
    }

    /// Whether `a` comes before `b` as this language sorts names: Danish and Swedish put
    /// Æ Ø Å (Å Ä Ö) after Z, German sorts Ä with A. Case is ignored; a tie keeps the order
    /// given by `String`'s own comparison, so the order is total.
    public func precedes(_ a: String, _ b: String) -> Bool {
        switch compare(a, b) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a < b
        }
    }
}
