import Foundation
import StepwiseCore

/// Clock times as the header shows them.
enum TimeText {
    /// "14:05" in the local time zone.
    static func clock(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) + TimeZone.current.secondsFromGMT(for: date)
        let minutes = ((seconds / 60) % 1440 + 1440) % 1440
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
