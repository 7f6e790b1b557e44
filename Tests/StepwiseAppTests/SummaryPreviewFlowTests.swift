import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// The summary tab shows the printed pages as text; a line of the page that holds more
/// characters than the preview's width is not broken on its own (leaving "I'm" or "a" alone on
/// a line): its last words begin the next line of the paragraph.
final class SummaryPreviewFlowTests: XCTestCase {
    func testNoWordIsLeftAloneOnALineOfThePreview() throws {
        for language in ["en", "da"] {
            let h = try AppHarness(language: language)
            for name in ["Grace O'Neill", "Mette Brøndum"] {
                h.open(name)
                h.press(.char("5"))
                let lines = (h.state.open?.summaryPages ?? []).flatMap { $0 }
                XCTAssertFalse(lines.isEmpty, "\(language) \(name): no summary pages\n\(h.screen)")
                for (index, line) in lines.enumerated() where index > 0 && index + 1 < lines.count {
                    let words = line.split(separator: " ")
                    let indent = line.prefix { $0 == " " }.count
                    let next = lines[index + 1]
                    guard words.count == 1, !lines[index - 1].trimmingCharacters(in: .whitespaces).isEmpty,
                        !next.trimmingCharacters(in: .whitespaces).isEmpty, next.prefix(while: { $0 == " " }).count == indent,
                        words[0].first?.isLetter == true
                    else { continue }
                    XCTFail("\(language) \(name): “\(words[0])” alone on a line:\n\(lines[index - 1])\n\(line)\n\(next)")
                }
                h.press(.escape)
                h.press(.escape)
            }
        }
    }
}
