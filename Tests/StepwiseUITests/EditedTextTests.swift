import Foundation
import StepwiseCore
import XCTest

@testable import StepwiseUI

/// Every form that changes words already written in the record (a note, how an interview
/// went, a follow-up meeting's notes, besides the plan's texts) says so when those words were
/// changed elsewhere while it waited, before its Enter replaces them; the next Enter does.
final class EditedTextTests: XCTestCase {
    let env = Fixtures.env()
    let stamp = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000))

    /// Opens `form` on `then`, then shows `now` as the record (another terminal changed it),
    /// types at the end of `field` and presses Enter twice: the first Enter saves nothing and
    /// names the text as it is now, the second saves.
    private func assertSaysChangedMeanwhile(
        _ form: Form, then: Participant, now: Participant, field: String, text: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        var state = Fixtures.state()
        state.offers = Fixtures.offers
        state.open = OpenParticipant(participant: then, heldBy: nil)
        var form = form
        form.focus = form.fields.firstIndex { $0.name == field } ?? 0
        state.form = form
        state.open?.participant = now
        var effects = [Key.end, .char("!"), .enter].flatMap { Update.handle($0, state: &state, env: env) }
        XCTAssertTrue(effects.isEmpty, "nothing saved at the first Enter: \(effects)", file: file, line: line)
        let mark = state.form.flatMap { form in form.fields.first { $0.name == field }?.error }
        XCTAssertEqual(mark, env.strings("warning.changedMeanwhile", ["text": text]), file: file, line: line)
        effects = Update.handle(.enter, state: &state, env: env)
        XCTAssertNil(state.form, "the second Enter saves: \(state.message?.text ?? "")", file: file, line: line)
        XCTAssertFalse(effects.isEmpty, file: file, line: line)

        // Unchanged meanwhile: the first Enter saves.
        state.open = OpenParticipant(participant: then, heldBy: nil)
        state.form = form
        effects = [Key.end, .char("!"), .enter].flatMap { Update.handle($0, state: &state, env: env) }
        XCTAssertNil(state.form, "unchanged elsewhere, the first Enter saves", file: file, line: line)
    }

    func testANote() throws {
        var then = Fixtures.soren
        then.notes = [ProgressNote(id: "n-1", kind: .note, sessionId: nil, tags: [], text: Words("Slept badly", author: .citizen, by: "Søren", at: stamp.at))]
        var now = then
        _ = now.notes[0].edit(Words("Slept badly, better on Friday", author: .coach, by: "Bo", at: stamp.at), tags: [])
        assertSaysChangedMeanwhile(
            CoachingForms.note(then.notes[0], writer: .citizen, strings: env.strings), then: then, now: now, field: NoteField.text.rawValue,
            text: "Slept badly, better on Friday")
    }

    func testHowAnInterviewWent() throws {
        var then = Fixtures.soren
        var application = JobApplication(id: "a-1", employer: "Bakery", jobTitle: "Baker", day: Fixtures.today, method: .advertised, stamp: stamp)
        application.interviews = [
            Interview(id: "i-1", day: Fixtures.today, time: "10:00", place: "Shop", howItWent: Words("Nervous", author: .citizen, by: "Søren", at: stamp.at))
        ]
        then.jobSearch.applications = [application]
        var now = then
        now.jobSearch.applications[0].interviews[0].howItWent = Words("Nervous, but they liked me", author: .citizen, by: "Bo", at: stamp.at)
        assertSaysChangedMeanwhile(
            JobsForms.interview(application.interviews[0], of: "a-1", today: Fixtures.today, strings: env.strings), then: then, now: now,
            field: InterviewField.howItWent.rawValue, text: "Nervous, but they liked me")
    }

    func testTheNotesOfAFollowUpMeeting() throws {
        let offer = try XCTUnwrap(Fixtures.offers.first)
        var then = Fixtures.soren
        then.placements[offer.id] = Placement(followUps: [FollowUpMeeting(day: Fixtures.today.adding(days: 7), notes: "Ask about the hours")])
        var now = then
        now.placements[offer.id]?.followUps[0].notes = "Ask about the hours and the lift"
        let form = try XCTUnwrap(PlacementForms.choosePlanned(offer, of: then, strings: env.strings))
        var state = Fixtures.state()
        state.offers = Fixtures.offers
        state.open = OpenParticipant(participant: then, heldBy: nil)
        state.form = form
        _ = Update.handle(.enter, state: &state, env: env)
        let meeting = try XCTUnwrap(state.form, "the chosen meeting opens in its form")
        XCTAssertEqual(meeting.base, "Ask about the hours")
        assertSaysChangedMeanwhile(meeting, then: then, now: now, field: FollowUpField.notes.rawValue, text: "Ask about the hours and the lift")
    }

    /// The words as they are now come last, with nothing after the closing quote, so a text
    /// that ends a sentence is not followed by a second full stop ("“two.”."), in every language.
    func testTheWordsAsTheyAreNowComeLastInEveryLanguage() {
        for language in ["en", "da", "sv", "de"] {
            let message = Fixtures.env(language).strings("warning.changedMeanwhile", ["text": "Slept badly."])
            XCTAssertTrue(message.dropLast().hasSuffix("Slept badly."), "\(language): \(message)")
            XCTAssertTrue(["”", "“"].contains(message.last), "\(language): \(message)")
        }
    }
}
