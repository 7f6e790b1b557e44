import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// Going back from a participant to the caseload when files were renamed into or out of
/// `participants/` meanwhile (another terminal saved, a backup was restored, the start-up
/// check has not ended): the caseload is shown at once from what is known, and the check of
/// every file, held back here, corrects it when it ends.
final class CaseloadCheckTests: XCTestCase {
    func names<Rows: Sequence<CaseloadRow>>(_ rows: Rows) -> [String] {
        rows.compactMap { row in
            if case .participant(let entry) = row { return entry.name }
            return nil
        }
    }

    /// Another process adds a participant and renames one, each file written behind the
    /// index's back and renamed into the folder (as a save does, or a restore).
    func saveElsewhere(_ h: AppHarness, adding name: String, renaming asa: String?) throws {
        let folder = h.store.root.appendingPathComponent("participants")
        let added = Participant(
            id: "p-" + name.lowercased().filter(\.isLetter), name: name, language: "da",
            courseStart: Day(iso: "2026-11-02") ?? h.state.today, by: Stamp(by: "Bo", at: AppHarness.start))
        try AtomicFile.write(RecordCodec.encode(added), to: folder.appendingPathComponent("\(added.id).json"))
        guard let asa else { return }
        var renamed = try h.store.loadParticipant(asa)
        renamed.name = "Åse Lindqvist"
        try AtomicFile.write(RecordCodec.encode(renamed), to: folder.appendingPathComponent("\(asa).json"))
    }

    /// Milliseconds `keys` take to be handled.
    func timed(_ h: AppHarness, _ keys: Key...) -> Double {
        let started = Date()
        keys.forEach { h.press($0) }
        return Date().timeIntervalSince(started) * 1000
    }

    func testGoingBackAfterAnotherTerminalSavedAnswersBeforeTheCheckAndTheCheckCorrectsIt() throws {
        let h = try AppHarness()
        guard let asa = h.id(of: "Åsa Lindqvist"), let grace = h.id(of: "Grace O'Neill") else { return XCTFail("no demo data") }
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        let before = names(h.state.caseload)
        h.open("grace")
        try saveElsewhere(h, adding: "Zelda Berg", renaming: asa)
        XCTAssertLessThan(timed(h, .escape), 5000, "going back does not wait for the check")
        XCTAssertNil(h.state.open)
        XCTAssertEqual(names(h.state.caseload), before, "shown at once from the rows in memory; nothing was read")
        XCTAssertEqual(h.state.selectedRow?.id, grace)
        XCTAssertFalse(h.app.takeConfirmedCaseload(), "the check is still held back")
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true), "the check's correction comes")
        XCTAssertTrue(names(h.state.caseload).contains("Zelda Berg"))
        XCTAssertTrue(names(h.state.caseload).contains("Åse Lindqvist"))
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertEqual(h.state.selectedRow?.id, grace, "the selection stays on the row")
        XCTAssertTrue(h.screen.contains("Zelda Berg"), h.screen)
    }

    func testAddingAParticipantAfterAnotherTerminalSavedAnswersBeforeTheCheck() throws {
        let h = try AppHarness()
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        try saveElsewhere(h, adding: "Zelda Berg", renaming: nil)
        h.press(.char("a"))
        h.type("Aaron Added")
        XCTAssertLessThan(timed(h, .enter), 5000, "adding does not wait for the check")
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertEqual(names(h.state.caseload).first, "Aaron Added")
        XCTAssertFalse(names(h.state.caseload).contains("Zelda Berg"), "shown at once from the rows in memory")
        guard case .participant(let added)? = h.state.selectedRow else { return XCTFail("nothing selected") }
        XCTAssertEqual(added.name, "Aaron Added")
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true), "the check's correction comes")
        XCTAssertTrue(names(h.state.caseload).contains("Zelda Berg"))
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertEqual(h.state.selectedRow?.id, added.id)
    }

    func testGoingBackWhileTheCheckRunsChecksAgainWhenItEnds() throws {
        let h = try AppHarness()
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        h.open("grace")
        try saveElsewhere(h, adding: "Zelda Berg", renaming: nil)
        h.press(.escape)
        h.open("grace")
        try saveElsewhere(h, adding: "Yrsa Dahl", renaming: nil)
        h.press(.escape)
        XCTAssertFalse(names(h.state.caseload).contains("Yrsa Dahl"))
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true), "a second check, for what was renamed while the first ran")
        XCTAssertTrue(names(h.state.caseload).contains("Yrsa Dahl"))
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertFalse(h.app.takeConfirmedCaseload(wait: false), "and no third")
    }

    /// A large caseload whose first frame holds only its first rows, left for a participant
    /// before the start-up check ended: going back shows the first rows again (from the index),
    /// not the whole index nor the check.
    func testGoingBackBeforeTheStartUpCheckEndedShowsTheFirstRowsAgain() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        try h.restampAsARestoreDoes()
        try h.restart()
        XCTAssertNotNil(h.state.firstRowsOf)
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        h.press(.down, .enter)
        XCTAssertEqual(h.state.open?.participant.id, whole[1].id)
        try saveElsewhere(h, adding: "Aaron Zelda", renaming: nil)
        XCTAssertLessThan(timed(h, .escape), 5000)
        XCTAssertNil(h.state.open)
        XCTAssertEqual(h.state.caseload.count, 24, "only the first rows, read again from the index")
        XCTAssertEqual(Array(h.state.caseload), Array(whole.prefix(24)))
        XCTAssertEqual(h.state.selectedRow?.id, whole[1].id)
        XCTAssertTrue(h.screen.contains("275 participants"), h.screen)
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        XCTAssertEqual(names(h.state.caseload).first, "Aaron Zelda", "the check's correction comes")
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertNil(h.state.firstRowsOf)
        XCTAssertEqual(h.state.selectedRow?.id, whole[1].id)
    }
}
