import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// A date, a time, or a date and its time as a sentence gives them ("senest man. 2. nov. 2026",
/// "kl. 10:00", "10:00 Uhr") is never broken across lines, by any of the wrappers: the screens'
/// styled lines, the screens' plain text, and the text summary (the PDF's typesetter asks the
/// same rule and has its own test through poppler, `SummaryPDFTests`).
final class DateLineBreakTests: XCTestCase {
    /// Sentences with a date and a time, each once with filler words of every length before
    /// it, so that a line ends at every place in the date at some width.
    private func sentences(_ s: Localizer) -> [(text: String, date: String, time: String)] {
        var result: [(String, String, String)] = []
        for offset in stride(from: 0, to: 70, by: 7) {
            let day = (Day(iso: "2026-11-02") ?? Day(ordinal: 0)).adding(days: offset)
            for date in [s.dayWithWeekday(day), s.shortDate(day), s.dayWithWeekday(day, year: false)] {
                let time = s("summary.time", ["time": "10:00"])
                let sentence = s("step.by", ["date": s("summary.dateTime", ["date": date, "time": "10:00"])])
                for filler in 0..<12 {
                    result.append((String(repeating: "x", count: filler) + " ab " + sentence + " og så videre", date, time))
                }
            }
        }
        return result
    }

    func testNoWrapperBreaksADateOrATime() {
        var findings: [String] = []
        for language in ["en", "da", "sv", "de"] {
            let s = Fixtures.env(language).strings
            for (text, date, time) in sentences(s) {
                for width in 24...40 {
                    for (name, lines) in Wrappers.all(text, width: width) {
                        for whole in [date, time] where !lines.contains(where: { $0.contains(whole) }) {
                            findings.append("\(language) \(name) at \(width): “\(whole)” broken:\n" + lines.joined(separator: "\n"))
                        }
                        // A space at the end of a line may hang past it, as it always could.
                        if let long = lines.first(where: { DisplayWidth.of(String($0.reversed().drop { $0 == " " }.reversed())) > width }) {
                            findings.append("\(language) \(name) at \(width): “\(long)” is wider than the line")
                        }
                    }
                }
            }
        }
        XCTAssert(findings.isEmpty, "\(findings.count) broken:\n" + findings.prefix(8).joined(separator: "\n"))
    }
}
