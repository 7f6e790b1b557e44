import StepwiseCore
import StepwiseUI
import XCTest

/// A line break the writer typed (Ctrl-J) is kept once the text is saved: the notes tab and
/// the plan show the text after it on a line of its own, as the form did while it was typed.
final class HardLineBreakTests: XCTestCase {
    func testANoteAndAnAboutMeAnswerKeepTheirLineBreaksOnceSaved() throws {
        for language in ["en", "da", "sv", "de"] {
            let h = try AppHarness(width: 80, height: 24, language: language)
            h.open("Mette Brøndum")
            h.press(.char("3"), .char("n"))
            h.type("Vi talte om praktikken hos Æblehaven 😀")
            h.press(.ctrl("j"))
            h.type("Aftale: hun ringer selv på fredag")
            h.press(.enter)
            XCTAssertEqual(h.state.open?.participant.notes.last?.versions.last?.text, "Vi talte om praktikken hos Æblehaven 😀\nAftale: hun ringer selv på fredag")
            let rows = h.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertTrue(rows.contains { $0.hasPrefix("Aftale: hun ringer selv på fredag") }, "\(language): the second line starts a row:\n\(h.screen)")
            XCTAssertTrue(rows.contains { $0.hasSuffix("Æblehaven 😀") }, "\(language): the first line ends its row:\n\(h.screen)")

            h.press(.char("1"), .home, .enter)
            h.press(.end)
            h.press(.ctrl("j"))
            h.type("og jeg cykler gerne")
            h.press(.enter)
            let plan = h.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertTrue(plan.contains { $0.contains("og jeg cykler gerne") && !$0.contains("mor") }, "\(language): the added line starts a row:\n\(h.screen)")
        }
    }
}
