import StepwiseCore
import XCTest

@testable import StepwiseUI

/// The messages about words kept or dropped read whole on the two message rows of an 80×24
/// screen in every language (a message is cut after two rows): leaving a form, a form kept on
/// a record open elsewhere, a draft brought back, the record free again.
final class FormMessagesFitTests: XCTestCase {
    func testTheMessagesAboutTypedWordsReadWholeAt80Columns() {
        let keys = [
            "form.leaveUnsaved", "form.readOnlyKept", "form.cancelled", "message.draftRestored", "message.draftRestoredReadOnly",
            "participant.lockTaken", "participant.lockTakenFrom",
        ]
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            for key in keys {
                var state = Fixtures.state()
                state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
                state.form = PlanForms.goal(nil)
                let text = env.strings(key, ["coach": "Marie-Louise Andersen"])
                state.message = Message(text, kind: .error)
                let flat = Fixtures.screen(state, language).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(flat.contains(text.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "\(language) \(key): \(text)")
            }
        }
    }
}
