import Foundation
import StepwiseCore
import XCTest

@testable import StepwiseUI

/// The notes tab's `f` and `v` never do nothing without a word: with nothing to filter by, or a
/// note with no earlier version, they say why, whole on an 80×24 screen in every language.
final class NotesKeysSayWhyTests: XCTestCase {
    func testFilterAndVersionsSayWhyTheyChangeNothing() {
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            var p = Fixtures.soren
            p.notes = [
                ProgressNote(
                    id: "n-1", kind: .note, sessionId: nil, tags: [],
                    text: Words("First week went well", author: .citizen, by: "Søren", at: Date(timeIntervalSince1970: 1_795_000_000)))
            ]
            p.sessions = []
            var state = Fixtures.state()
            state.open = OpenParticipant(participant: p, heldBy: nil)
            state.open?.tab = .notes
            for (key, said) in [("f", "message.nothingToFilter"), ("v", "message.oneVersion")] {
                state.message = nil
                _ = Update.handle(.char(Character(key)), state: &state, env: env)
                XCTAssertEqual(state.message?.text, env.strings(said), "\(language) \(key)")
                let flat = Fixtures.screen(state, language).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(flat.contains(env.strings(said).split(whereSeparator: \.isWhitespace).joined(separator: " ")), "\(language) \(key):\n\(flat)")
            }
            XCTAssertNil(state.open?.expandedNote)

            // With a tag, f filters and says nothing; with two versions, v shows them.
            p.notes[0].tags = ["health"]
            _ = p.notes[0].edit(Words("First week went well, tired", author: .citizen, by: "Søren", at: Date()), tags: ["health"])
            state.open?.participant = p
            state.message = nil
            _ = Update.handle(.char("f"), state: &state, env: env)
            XCTAssertNil(state.message, language)
            XCTAssertEqual(state.open?.noteFilter, .tag("health"))
            _ = Update.handle(.char("v"), state: &state, env: env)
            XCTAssertEqual(state.open?.expandedNote, "n-1")
        }
    }

    /// Enter, `e` and `v` with no note selected say what they act on, never nothing.
    func testKeysForANoteSayWhatTheyActOnWithoutOne() {
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            var p = Fixtures.soren
            p.notes = []
            var state = Fixtures.state()
            state.open = OpenParticipant(participant: p, heldBy: nil)
            state.open?.tab = .notes
            for key in [Key.enter, .char("e"), .char("v")] {
                state.message = nil
                _ = Update.handle(key, state: &state, env: env)
                XCTAssertNil(state.form)
                XCTAssertEqual(state.message?.text, env.strings("message.noNotes"), "\(language) \(key)")
            }
        }
    }
}
