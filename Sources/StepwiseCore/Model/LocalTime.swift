import Foundation

/// A time of day on a given day on a local clock, and whether the clock shows it at all.
///
/// The night summer time begins the clock jumps (in Europe/Copenhagen on 28 March 2027 from
/// 02:00 to 03:00), so 02:30 does not exist; the night it ends the clock goes back (on
/// 25 October 2026 from 03:00 to 02:00), so 02:30 happens twice. A meeting at such a time
/// cannot be put in a calendar as meant (RFC 5545 3.3.5 moves a missing time forward, and
/// picks the first of two), so such times are refused where they are typed.
public enum LocalTime {
    /// What the clock does at a time.
    public enum Check: Equatable, Sendable {
        /// The time happens once.
        case exists
        /// The clock skips it (it moves forward past it).
        case skipped
        /// The clock shows it twice (it goes back over it).
        case repeated
    }

    /// Whether `time` (`HH:MM`) on `day` happens once, never, or twice on the clock of `zone`;
    /// nil when `time` is not a time of day.
    public static func check(day: Day, time: String, in zone: TimeZone) -> Check? {
        guard let local = seconds(day: day, time: time) else { return nil }
        switch instants(local, in: zone).count {
        case 0: return .skipped
        case 1: return .exists
        default: return .repeated
        }
    }

    /// The moment `time` on `day` happens on the clock of `zone`: the first of two when the
    /// clock shows it twice; when the clock skips it, read with the offset before the gap (as
    /// RFC 5545 3.3.5 says). Nil when `time` is not a time of day.
    public static func moment(day: Day, time: String, in zone: TimeZone) -> Date? {
        guard let local = seconds(day: day, time: time) else { return nil }
        if let first = instants(local, in: zone).min() { return Date(timeIntervalSince1970: Double(first)) }
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - 86_400)))
        return Date(timeIntervalSince1970: Double(local - before))
    }

    /// The string-table key of the refusal for a time the clock skips or repeats, with
    /// `{time}` and `{date}` placeholders; nil when the time exists (or is not a time).
    public static func refusalKey(day: Day, time: String, in zone: TimeZone) -> String? {
        switch check(day: day, time: time, in: zone) {
        case .skipped?: return "error.timeSkipped"
        case .repeated?: return "error.timeRepeated"
        default: return nil
        }
    }

    /// Seconds from 1970-01-01 00:00 to `time` on `day`, as if the clock were UTC.
    private static func seconds(day: Day, time: String) -> Int? {
        ICalendar.time(time).map { day.ordinal * 86_400 + $0.hour * 3_600 + $0.minute * 60 }
    }

    /// The moments (seconds since 1970, UTC) at which the clock of `zone` shows `local`: the
    /// offsets in force a day before and a day after are the only candidates.
    private static func instants(_ local: Int, in zone: TimeZone) -> Set<Int> {
        let offsets = Set([-86_400, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local + $0))) })
        return Set(
            offsets.compactMap { offset in
                let instant = local - offset
                return zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) == offset ? instant : nil
            })
    }
}
