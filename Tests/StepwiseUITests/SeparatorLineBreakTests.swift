import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// A separator standing alone between spaces ("·", "–") stays with the word before it, in
/// every wrapper: no line starts with one ("planerat", "15 timer om ugen", "Lavere %" after a
/// wrapped "·").
final class SeparatorLineBreakTests: XCTestCase {
    func testNoWrappedLineStartsWithASeparator() {
        var findings: [String] = []
        for separator in ["·", "–"] {
            for filler in 0..<14 {
                let text = String(repeating: "x", count: filler) + " Samtal med arbetsgivare " + separator
                    + " planerat " + separator + " 15 timer om ugen " + separator + " Lavere %"
                for width in 20...40 {
                    for (name, lines) in Wrappers.all(text, width: width) {
                        if let bad = lines.first(where: { $0.drop { $0 == " " }.hasPrefix(separator) }) {
                            findings.append("\(name) at \(width): “\(bad)” starts with \(separator):\n" + lines.joined(separator: "\n"))
                        }
                    }
                }
            }
        }
        XCTAssert(findings.isEmpty, "\(findings.count) lines start with a separator:\n" + findings.prefix(6).joined(separator: "\n"))
    }
}
