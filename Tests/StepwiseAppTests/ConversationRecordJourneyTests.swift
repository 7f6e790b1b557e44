import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// A true record of each conversation: held ones show when they were held, planned ones a
/// day and a time, a move keeps the earlier date, and undo never makes plan and sessions
/// disagree.
final class ConversationRecordJourneyTests: XCTestCase {
    /// Lena's conversation 1 was held in a session that began on Mon 16 Nov 2026 at 13:00.
    func testAHeldConversationShowsTheDayAndTimeItWasHeld() throws {
        let h = try AppHarness()
        h.open("lena")
        let row = h.row(containing: "Conversation 1")
        XCTAssertTrue(row.contains("Mon 16 Nov 2026 13:00"), "the day and time of its session:\n\(h.screen)")
        XCTAssertTrue(row.contains("held"), row)
    }

    /// The conversation form takes a time; moving the conversation keeps the day it was
    /// planned for before, on screen and in the file.
    func testAPlannedConversationHasATimeAndAMoveKeepsTheEarlierDate() throws {
        let h = try AppHarness()
        guard let id = h.id(of: "Lena Groß") else { return XCTFail("no Lena in the demo data") }
        h.open("lena")
        for _ in 0..<60 where !h.row(containing: "Conversation 2").hasPrefix("›") { h.press(.down) }
        XCTAssertTrue(h.row(containing: "Conversation 2").hasPrefix("›"), h.screen)
        let before = h.row(containing: "Conversation 2")
        XCTAssertTrue(before.contains("Mon 8 Feb 2027"), before)
        h.press(.char("e"))
        for _ in 0..<20 { h.press(.backspace) }
        h.type("2027-02-10")
        h.press(.tab)
        h.type("9.30")
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        let after = h.row(containing: "Conversation 2")
        XCTAssertTrue(after.contains("Wed 10 Feb 2027 09:30"), "the new day and its time:\n\(h.screen)")
        XCTAssertTrue(h.flatScreen.contains("was planned for 8 Feb"), "the earlier date is kept:\n\(h.screen)")
        let saved = (h.participantJSON(id)["conversations"] as? [[String: Any]] ?? []).first { $0["number"] as? Int == 2 } ?? [:]
        XCTAssertEqual(saved["planned"] as? String, "2027-02-10")
        XCTAssertEqual(saved["time"] as? String, "09:30")
        XCTAssertEqual(saved["earlierDates"] as? [String], ["2027-02-08"])
    }

    /// Starting conversation 1 marks it held; an undo right after must not make it planned
    /// again while its session stays, and says so.
    func testUndoNeverTurnsAConversationHeldInASessionBackToPlanned() throws {
        let h = try AppHarness()
        h.open("grace")
        h.press(.char("s"))
        for _ in 0..<6 where !h.screen.contains("‹ Conversation 1 ›") { h.press(.right) }
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Session running: Conversation 1"), h.screen)
        XCTAssertEqual(h.state.open?.participant.conversations.first?.status, .held)
        h.press(.char("u"))
        XCTAssertEqual(
            h.state.open?.participant.conversations.first?.status, .held,
            "the session stays, so the conversation stays held")
        XCTAssertTrue(h.screen.contains("a conversation held in a session stays held"), h.screen)
    }

    /// One version per saved change (not per key typed), and `h` shows what a version added,
    /// changed or dropped compared with the one before it.
    func testTheHistoryShowsWhatChangedBetweenVersions() throws {
        let h = try AppHarness()
        guard let id = h.id(of: "Lena Groß") else { return XCTFail("no Lena in the demo data") }
        h.open("lena")
        let before = h.historyLines(id).count
        h.press(.char("g"))
        h.type("Få et fast job")
        h.press(.enter)
        h.press(.char("a"))
        h.type("Skrive til Netto")
        h.press(.enter)
        XCTAssertEqual(h.historyLines(id).count, before + 2, "one version per saved change, not per key")
        h.press(.char("d"), .char("y"))

        h.press(.char("h"), .enter)
        XCTAssertTrue(h.screen.contains("Compared with version \(before + 2):"), h.screen)
        XCTAssertTrue(h.screen.contains("✗ dropped step “Skrive til Netto”"), h.screen)
        h.press(.escape, .down, .enter)
        XCTAssertTrue(h.screen.contains("+ added step “Skrive til Netto”"), h.screen)
        XCTAssertFalse(h.screen.contains("added goal “Få et fast job”"), "only what that version changed:\n\(h.screen)")
        h.press(.escape, .down, .enter)
        XCTAssertTrue(h.screen.contains("+ added goal “Få et fast job”"), h.screen)
    }
}
