import Foundation
import StepwiseCore

/// Times of day as people type them: "9:30", "09.30", "14".
enum TimeOfDay {
    static func normalized(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard (1...2).contains(parts.count), let hour = Int(parts[0]), (0...23).contains(hour) else { return nil }
        let minute = parts.count == 2 ? Int(parts[1]) : 0
        guard let minute, (0...59).contains(minute), parts.count == 1 || parts[1].count == 2 else { return nil }
        return String(format: "%02d:%02d", hour, minute)
    }

    static func isValid(_ text: String) -> Bool { normalized(text) != nil }
}
