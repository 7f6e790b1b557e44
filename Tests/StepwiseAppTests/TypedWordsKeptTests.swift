import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// What was typed in a form is never dropped without the person at the keyboard saying so:
/// one Esc asks, and a form on a record held at another terminal stays open, as typed, until
/// the record is free; the screen then says so and Enter saves it.
final class TypedWordsKeptTests: XCTestCase {
    func testEscAsksBeforeWhatWasTypedIsDropped() throws {
        let h = try AppHarness()
        guard let grace = h.id(of: "Grace O'Neill") else { return XCTFail("no participant") }
        let before = try Data(contentsOf: h.store.root.appendingPathComponent("participants/\(grace).json"))
        h.open("Grace")
        // A form with nothing typed closes at once.
        h.press(.char("g"))
        XCTAssertNotNil(h.state.form, h.screen)
        h.press(.escape)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertEqual(h.state.message?.text, "Cancelled; nothing was saved.")

        h.press(.char("g"))
        h.type("Find a bakery that hires")
        h.press(.escape)
        XCTAssertNotNil(h.state.form, "one Esc keeps what was typed:\n\(h.screen)")
        XCTAssertTrue(h.screen.contains("Leave without saving?"), h.screen)
        XCTAssertTrue(h.screen.contains("Find a bakery that hires"), h.screen)
        // Writing on asks again at the next Esc.
        h.type(" soon")
        h.press(.escape)
        XCTAssertNotNil(h.state.form, h.screen)
        XCTAssertTrue(h.screen.contains("Find a bakery that hires soon"), h.screen)
        h.press(.escape)
        XCTAssertNil(h.state.form, "a second Esc leaves:\n\(h.screen)")
        XCTAssertEqual(h.state.message?.text, "Cancelled; nothing was saved.")
        h.press(.escape)
        XCTAssertEqual(try Data(contentsOf: h.store.root.appendingPathComponent("participants/\(grace).json")), before)
    }

    func testAFormOnARecordHeldElsewhereIsKeptUntilTheRecordIsFree() throws {
        let h = try AppHarness()
        guard let grace = h.id(of: "Grace O'Neill") else { return XCTFail("no participant") }
        h.open("Grace")
        h.press(.char("g"))
        h.type("Find a bakery that hires")
        // The program is cut off with the goal half typed; Bo opens the record meanwhile.
        let bo = Identity(coach: "Bo", user: "bo", host: "harness", pid: getpid())
        var held: RecordLock?
        try h.restart {
            guard case .acquired(let lock) = try h.store.lockParticipant(grace, as: bo) else { return XCTFail("Bo gets the lock") }
            held = lock
        }
        XCTAssertEqual(h.state.open?.isReadOnly, true, h.screen)
        XCTAssertTrue(h.screen.contains("Find a bakery that hires"), "the draft is back:\n\(h.screen)")

        h.press(.enter)
        XCTAssertNotNil(h.state.form, "Enter keeps the form while Bo holds the record:\n\(h.screen)")
        XCTAssertEqual(
            h.state.message?.text,
            "Not saved: someone else has this record open. What you typed stays here; press Enter again once they have closed it.")
        XCTAssertFalse(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Find a bakery that hires" })

        held?.release()
        _ = h.app.idle()
        XCTAssertEqual(h.state.open?.isReadOnly, false, "the record is free and taken here:\n\(h.screen)")
        XCTAssertEqual(h.state.message?.text, "Bo has closed this record: you can write in it now.")
        XCTAssertTrue(h.screen.contains("Find a bakery that hires"), h.screen)
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertTrue(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Find a bakery that hires" })
        // Bo, coming back, finds the record held here.
        guard case .heldBy(let holder) = try h.store.lockParticipant(grace, as: bo) else { return XCTFail("the lock is held here") }
        XCTAssertEqual(holder.identity.coach, "Anna")
    }

    /// A name typed for a step done by "my coach" would not be kept (only someone else's name
    /// is): the form says so instead of dropping it, and keeps it for someone else.
    func testAStepsNameIsNeverDroppedWithoutAWord() throws {
        let h = try AppHarness()
        h.open("Grace")
        h.press(.char("g"))
        h.type("Work in a bakery")
        h.press(.enter)
        h.press(.char("a"))
        h.type("Visit the bakery on Main Street")
        h.press(.tab, .right, .tab)
        h.type("Lise")
        XCTAssertTrue(h.screen.contains("‹ my coach ›"), h.screen)
        h.press(.enter)
        XCTAssertNotNil(h.state.form, "the form stays:\n\(h.screen)")
        XCTAssertTrue(h.flatScreen.contains("A name is kept only when “someone else” does the step"), h.screen)
        XCTAssertTrue(h.screen.contains("Lise"), h.screen)
        h.press(.backTab, .right, .right)
        XCTAssertTrue(h.screen.contains("‹ someone else ›"), h.screen)
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        let step = h.state.open?.participant.plan.goals.last?.steps.last
        XCTAssertEqual(step?.who, .other("Lise"))
    }

    /// The question lasts one key: help, hiding the screen or typing go on writing, and the
    /// next Esc asks again. A form typed in and back to what it opened with, and a filter,
    /// close at the first Esc.
    func testTheQuestionLastsOneKeyAndOnlyChangedFormsAsk() throws {
        let h = try AppHarness()
        h.open("Grace")
        h.press(.char("g"))
        h.type("A goal")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Leave without saving?"), h.screen)
        h.press(.f1)
        h.press(.escape)
        XCTAssertNotNil(h.state.form, h.screen)
        XCTAssertFalse(h.screen.contains("Leave without saving?"), "the question went with the help:\n\(h.screen)")
        h.press(.escape)
        XCTAssertNotNil(h.state.form, "after the help, Esc asks again:\n\(h.screen)")
        h.press(.char("!"))
        XCTAssertFalse(h.screen.contains("Leave without saving?"), "writing on takes the question away:\n\(h.screen)")
        h.press(.escape, .escape)
        XCTAssertNil(h.state.form, h.screen)

        // Typed and taken back, or a choice moved there and back: nothing to lose.
        h.press(.char("g"), .char("x"), .backspace, .escape)
        XCTAssertNil(h.state.form, h.screen)
        h.press(.char("g"), .tab, .right, .left, .escape)
        XCTAssertNil(h.state.form, h.screen)

        // A filter saves nothing: it closes at once.
        h.press(.char("2"), .char("f"))
        XCTAssertEqual(h.state.form?.purpose, .offerFilter, h.screen)
        h.type("work")
        h.press(.escape)
        XCTAssertNil(h.state.form, h.screen)
    }

    /// A goal edited in a draft while another terminal changed it: Enter first shows the text
    /// saved there; the next Enter replaces it (the other text stays in the plan's history).
    func testAnEditWaitingInADraftSaysTheTextWasChangedMeanwhile() throws {
        let h = try AppHarness()
        guard let grace = h.id(of: "Grace O'Neill") else { return XCTFail("no participant") }
        h.open("Grace")
        h.press(.char("g"))
        h.type("Work in a bakery")
        h.press(.enter)
        h.press(.enter)
        XCTAssertEqual(h.state.form.map { if case .editGoal = $0.purpose { true } else { false } }, true, h.screen)
        h.press(.end)
        h.type(" near home")
        let bo = Identity(coach: "Bo", user: "bo", host: "harness", pid: getpid())
        var held: RecordLock?
        try h.restart {
            guard case .acquired(let lock) = try h.store.lockParticipant(grace, as: bo) else { return XCTFail("Bo gets the lock") }
            held = lock
            var p = try h.store.loadParticipant(grace)
            guard let index = p.plan.goals.firstIndex(where: { $0.text.text == "Work in a bakery" }) else { return XCTFail("no goal") }
            p.plan.goals[index].text.text = "Work in a bakery, mornings only"
            _ = try ParticipantJournal.save(p, in: h.store, as: bo)
        }
        held?.release()
        _ = h.app.idle()
        XCTAssertEqual(h.state.open?.isReadOnly, false, h.screen)
        h.press(.enter)
        XCTAssertNotNil(h.state.form, h.screen)
        XCTAssertTrue(h.flatScreen.contains("Changed meanwhile at another terminal") && h.flatScreen.contains("It now reads: “Work in a bakery, mornings"), h.screen)
        XCTAssertTrue(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Work in a bakery, mornings only" })
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        let goals = try h.store.loadParticipant(grace).plan.goals.map(\.text.text)
        XCTAssertTrue(goals.contains("Work in a bakery near home"), "\(goals)")
        XCTAssertFalse(goals.contains("Work in a bakery, mornings only"), "\(goals)")
    }

    /// The rating form starts from the last answers: saved untouched they would say the citizen
    /// rated them again today, so the first Enter says whose answers they are; a changed answer
    /// saves at once.
    func testUnchangedRatingAnswersAreSaidBeforeTheyAreSaved() throws {
        let h = try AppHarness()
        guard let jurgen = h.id(of: "Jürgen Weiß") else { return XCTFail("no participant") }
        let before = try h.store.loadParticipant(jurgen).ratings
        let last = try XCTUnwrap(before.last, "Jürgen has rated before")
        h.open("Jürgen")
        h.press(.char("4"), .char("r"), .enter)
        XCTAssertNotNil(h.state.form, h.screen)
        let said = "⚠ These are the answers of \(h.app.env.strings.shortDate(last.day)), unchanged."
        XCTAssertTrue(h.flatScreen.contains(said), "the form says so, on its own:\n\(h.screen)")
        XCTAssertEqual(try h.store.loadParticipant(jurgen).ratings.count, before.count)
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertEqual(try h.store.loadParticipant(jurgen).ratings.count, before.count + 1)

        h.press(.char("r"), .right, .enter)
        XCTAssertNil(h.state.form, "a changed answer saves at the first Enter:\n\(h.screen)")
        XCTAssertEqual(try h.store.loadParticipant(jurgen).ratings.count, before.count + 2)
    }
}
