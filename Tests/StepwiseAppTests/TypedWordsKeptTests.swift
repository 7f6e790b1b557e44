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
}
