import Foundation

/// Reads a date as a person types it: ISO (2026-12-03), the local numeric form (3.12.2026,
/// 3/12), or words (today, tomorrow, a weekday, +3d, +2w) in English and the UI language.
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
        for table in words {
            if table.list("date.today").contains(input) { return today }
            if table.list("date.tomorrow").contains(input) { return today.adding(days: 1) }
            if table.list("date.yesterday").contains(input) { return today.adding(days: -1) }
            for key in ["weekdays.long", "weekdays.short"] {
                let names = table.list(key).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
                if let index = names.firstIndex(of: input.trimmingCharacters(in: CharacterSet(charactersIn: "."))) {
                    let ahead = (index + 1 - today.weekday + 7) % 7
                    return today.adding(days: ahead == 0 ? 7 : ahead)
                }
            }
        }
        return nil
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
