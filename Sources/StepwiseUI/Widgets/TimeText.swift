import Foundation
import StepwiseCore

/// Clock times as the header shows them.
enum TimeText {
    /// "14:05" in `timeZone`.
    static func clock(_ date: Date, in timeZone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970) + timeZone.secondsFromGMT(for: date)
        let minutes = ((seconds / 60) % 1440 + 1440) % 1440
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
