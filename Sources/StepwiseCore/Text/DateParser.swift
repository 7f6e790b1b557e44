import Foundation

/// Reads a date as a person types it: ISO (2026-12-03), the local numeric form (3.12.2026,
/// 3/12), an ISO week (uge 50, v. 50, KW 50, week 50), or words (today, tomorrow, a weekday,
/// +3d, +2w) in English and the UI language. Weekday names come from the locale's data.
public struct DateParser: Sendable {
    private let words: [Localizer]

    /// A parser that understands English and the language of `localizer`.
    public init(localizer: Localizer, english: Localizer) {
        words = localizer.language == "en" ? [localizer] : [localizer, english]
    }

    /// The day `text` names, counted from `today`; nil when it names none.
    public func parse(_ text: String, today: Day) -> Day? {
        let input = text.trimmingCharacters(in: .whitespaces).lowercased()
        if input.isEmpty { return nil }
        if let day = Day(iso: input) { return day }
        if let day = numeric(input, today: today) { return day }
        if let day = relative(input, today: today) { return day }
        if let day = week(input, today: today) { return day }
        for table in words {
            if table.list("date.today").contains(input) { return today }
            if table.list("date.tomorrow").contains(input) { return today.adding(days: 1) }
            if table.list("date.yesterday").contains(input) { return today.adding(days: -1) }
            if let weekday = weekday(input, names: table.formats.weekdayNames) {
                let ahead = (weekday - today.weekday + 7) % 7
                return today.adding(days: ahead == 0 ? 7 : ahead)
            }
        }
        return nil
    }

    /// The weekday (1 = Monday) that `input` names: a full or short name ("torsdag", "tors."),
    /// or the start of one, at least two letters long, that fits no other weekday ("tor", "to").
    private func weekday(_ input: String, names: (long: [String], short: [String])) -> Int? {
        let typed = input.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let index = names.long.firstIndex(of: typed) ?? names.short.firstIndex(of: typed) { return index + 1 }
        guard typed.count >= 2 else { return nil }
        let fitting = names.long.indices.filter { names.long[$0].hasPrefix(typed) }
        return fitting.count == 1 ? fitting[0] + 1 : nil
    }

    /// `uge 50`, `v. 50`, `v50`, `KW 50`, `week 50`: the Monday of that ISO 8601 week, the
    /// next time it comes (this week counts), so in December "uge 2" is in January.
    private func week(_ input: String, today: Day) -> Day? {
        let digits = String(input.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        guard let number = Int(digits), digits.count <= 2 else { return nil }
        let word = input.dropLast(digits.count).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let wordsForWeek = words.flatMap { $0.list("date.weekWords") }.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        guard !word.isEmpty, wordsForWeek.contains(word), let formats = words.first?.formats else { return nil }
        let thisMonday = today.adding(days: 1 - today.weekday)
        let year = formats.isoWeekYear(today)
        if let monday = formats.monday(ofWeek: number, year: year), monday >= thisMonday { return monday }
        return formats.monday(ofWeek: number, year: year + 1)
    }

    /// `3.12.2026`, `3.12.`, `3/12`, `3-12-26`: day first, then month, then an optional year.
    private func numeric(_ input: String, today: Day) -> Day? {
        let parts = input.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" }).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let day = Int(parts[0]), let month = Int(parts[1]), parts[0].count <= 2, parts[1].count <= 2
        else { return nil }
        var year = today.components.year
        if parts.count == 3 {
            guard let given = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else { return nil }
            year = given < 100 ? 2000 + given : given
        }
        return Day(year: year, month: month, day: day)
    }

    /// `+3d`, `+2w`, `-1w`, `+3 dage`, `+2 uger`.
    private func relative(_ input: String, today: Day) -> Day? {
        guard let sign = input.first, sign == "+" || sign == "-" else { return nil }
        let rest = input.dropFirst()
        let digits = rest.prefix { $0.isNumber && $0.isASCII }
        guard let count = Int(digits), count < 10_000 else { return nil }
        let unit = rest.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let factor: Int
        if unit.isEmpty || words.contains(where: { $0.list("date.unitDays").contains(unit) }) {
            factor = 1
        } else if words.contains(where: { $0.list("date.unitWeeks").contains(unit) }) {
            factor = 7
        } else {
            return nil
        }
        return today.adding(days: (sign == "+" ? 1 : -1) * count * factor)
    }
}
