import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The help screen's descriptions write keys as its key column does ("Ctrl-X", never
/// "Strg-X"), and no description repeats the key its own row gives ("L  Hide the screen
/// at once (L; …)").
final class HelpKeyWordingTests: XCTestCase {
    /// Whether `text` names the key `label`: a longer name ("Enter", "Ctrl-X") as a word of
    /// its own; a letter only where it stands as a key ("(L;", "(L)"), as "a" and "i" are
    /// words in these languages.
    private func names(_ text: String, _ label: String) -> Bool {
        guard label.count == 1 else {
            return text.split(whereSeparator: { " ();,.:".contains($0) }).contains { $0 == label }
        }
        return ["(\(label);", "(\(label))", "(\(label),", " \(label);", " \(label))"].contains { text.contains($0) }
    }

    func testDescriptionsWriteKeysAsTheKeyColumnAndDoNotRepeatTheirOwn() throws {
        var findings: [String] = []
        let control = try NSRegularExpression(pattern: "\\b(Strg|Ctrl|Ktrl|Control)\\s*[-+]\\s*\\w")
        let written = try NSRegularExpression(pattern: "^Ctrl-[A-Z]$")
        for language in ["en", "da", "sv", "de"] {
            let s = Fixtures.env(language).strings
            for key in Set(ActionTable.all.map(\.helpKey)).sorted() {
                let text = s(key)
                let range = NSRange(text.startIndex..., in: text)
                for match in control.matches(in: text, range: range) {
                    guard let found = Range(match.range, in: text) else { continue }
                    let word = String(text[found])
                    if written.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) == nil {
                        findings.append("\(language) \(key): “\(word)” where the key column writes Ctrl-…: \(text)")
                    }
                }
            }
            for context in KeyContext.allCases {
                for spec in ActionTable.help(in: context) {
                    let text = s(spec.helpKey)
                    for label in spec.keys.map(\.label) where names(text, label) {
                        findings.append("\(language) \(context): “\(spec.keysText)  \(text)” repeats its key \(label)")
                    }
                }
            }
        }
        XCTAssert(findings.isEmpty, "\(findings.count):\n" + findings.prefix(12).joined(separator: "\n"))
    }
}
