import Foundation

/// Sessions typed in one field (the offer form's dates, a catalogue file's `sessions`
/// column): each a day and a start and an end time, and why one could not be read.
extension OfferCSV {
    /// Sessions as a person types them in one field, separated by `|`, `;` or `,` (no date or
    /// time form read here holds a comma): `3.12.2026 10-12; 10.12 10:00-12:00`, each date read
    /// by `date` (a screen gives its own reader, which also takes a date without its year, as
    /// its other date fields do). The reason names the session at fault.
    public static func sessions(_ text: String, date: (String) -> Day? = OfferCSV.date) -> Result<[OfferSession], SessionError> {
        var result: [OfferSession] = []
        let separated = text.replacingOccurrences(of: ";", with: "|").replacingOccurrences(of: ",", with: "|")
        for (index, item) in items(separated).enumerated() {
            switch session(item, date: date) {
            case .success(let session): result.append(session)
            case .failure(let kind): return .failure(SessionError(number: index + 1, kind: kind))
            }
        }
        return .success(result)
    }

    /// Why a typed session could not be read.
    public struct SessionError: Error, Equatable {
        /// What is wrong with one session as typed.
        public enum Kind: Error, Equatable, Sendable {
            /// No date followed by times (no space in it).
            case notDateAndTimes
            /// The text before the first space (as typed, up to 20 characters) is not a date.
            case notADate(String)
            /// The text after the date (as typed, up to 20 characters) is not a start and an end time.
            case notTimes(String)
            /// The end (`HH:MM`) is not after the start.
            case endsBeforeStart(start: String, end: String)

            /// The reason in English, as the CSV import's problems give it (a screen says it in
            /// its own language).
            public var reason: String {
                switch self {
                case .notDateAndTimes: return "needs a date and two times, like 2026-12-03 10:00-12:00"
                case .notADate(let text): return "\(text) is not a date (use 2026-12-03 or 3.12.2026)"
                case .notTimes(let text): return "\(text) is not a start and an end time, like 10:00-12:00"
                case .endsBeforeStart(let start, let end): return "ends (\(end)) before it starts (\(start))"
                }
            }
        }

        /// Which session (1 = the first).
        public var number: Int
        public var kind: Kind
    }

    /// `2026-12-03 10:00-12:00`; the date as `date` reads it (ISO or day first in a file), times
    /// `10:00`, `9:30`, `10.00` or `10`.
    static func session(_ item: String, date: (String) -> Day? = OfferCSV.date) -> Result<OfferSession, SessionError.Kind> {
        guard let space = item.firstIndex(where: \.isWhitespace) else { return .failure(.notDateAndTimes) }
        let dateText = String(item[..<space])
        // What was typed, as typed, up to 20 characters (cut with "…").
        func shown(_ text: some StringProtocol) -> String {
            let typed = text.trimmingCharacters(in: .whitespaces)
            return typed.count > 20 ? typed.prefix(19) + "…" : typed
        }
        guard let day = date(dateText) else { return .failure(.notADate(shown(dateText))) }
        let times = item[space...].filter { !$0.isWhitespace }
        let parts = times.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map(String.init)
        guard parts.count == 2, let start = time(parts[0]), let end = time(parts[1]) else {
            return .failure(.notTimes(shown(item[space...])))
        }
        guard start < end else { return .failure(.endsBeforeStart(start: start, end: end)) }
        return .success(OfferSession(day: day, start: start, end: end))
    }

    /// A day written ISO (2026-12-03) or day first (3.12.2026, 03/12/2026, 3-12-26).
    public static func date(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[1].count <= 2,
            parts[2].count <= 2
        {
            return Day(year: y, month: m, day: d)
        }
        guard parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4,
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        return Day(year: y < 100 ? 2000 + y : y, month: m, day: d)
    }

    /// `HH:MM` from `10:00`, `9:30`, `10.00` or `10`; nil for anything else.
    static func time(_ text: String) -> String? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count <= 2, parts.count == 1 || parts[1].count == 2,
            let h = Int(parts[0]), (0..<24).contains(h)
        else { return nil }
        let m = parts.count == 2 ? Int(parts[1]) ?? -1 : 0
        guard (0..<60).contains(m) else { return nil }
        return String(format: "%02d:%02d", h, m)
    }
}
