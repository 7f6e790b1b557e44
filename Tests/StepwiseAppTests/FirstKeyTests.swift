import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

extension AppHarness {
    /// Writes the participant's file in place with a new name (a hand edit: no rename, so
    /// `participants/` keeps its stamp).
    func editInPlace(_ id: String, name: String) throws {
        var participant = try store.loadParticipant(id)
        participant.name = name
        try RecordCodec.encode(participant).write(to: store.root.appendingPathComponent("participants/\(id).json"))
    }

    /// What restoring the data folder from a backup does to the stamps: every participant file
    /// gets a new change time (its mode set again, as a restore does) and `participants/` a new
    /// modification time (a file made and removed in it), so no stamp the index holds matches.
    func restampAsARestoreDoes() throws {
        let participants = store.root.appendingPathComponent("participants")
        for name in try FileManager.default.contentsOfDirectory(atPath: participants.path) {
            XCTAssertEqual(chmod(participants.appendingPathComponent(name).path, 0o600), 0)
        }
        let scratch = participants.appendingPathComponent("restore.tmp")
        try Data().write(to: scratch)
        try FileManager.default.removeItem(at: scratch)
    }

    /// A caseload of 275 participants whose index vouches for the folder (quiet for two
    /// seconds), started again so that the first frame holds only its first rows.
    static func largeCaseload() throws -> (h: AppHarness, whole: Caseload) {
        let h = try AppHarness(height: 24)
        for n in 0..<250 {
            try h.store.save(
                Participant(
                    id: "p-many\(n)", name: String(format: "Zz Person %03d", n), language: "da",
                    courseStart: Day(iso: "2026-11-02") ?? h.state.today, by: Stamp(by: "Bo", at: AppHarness.start)))
        }
        _ = h.store.loadCaseload()
        Thread.sleep(forTimeInterval: 2.2)
        try h.restart()
        let whole = h.store.loadCaseload()
        try h.restart()
        return (h, whole)
    }
}

/// A first frame from the caseload index and first keys that never wait for the check of every
/// participant file, and a first frame from the index after a restore changed every stamp.
final class FirstKeyTests: XCTestCase {
    func names<Rows: Sequence<CaseloadRow>>(_ rows: Rows) -> [String] {
        rows.compactMap { row in
            if case .participant(let entry) = row { return entry.name }
            return nil
        }
    }

    /// Milliseconds `keys` take to be handled.
    func timed(_ h: AppHarness, _ keys: Key...) -> Double {
        let started = Date()
        keys.forEach(h.app.handle)
        return Date().timeIntervalSince(started) * 1000
    }

    func testMovesAndOpeningActOnTheFirstRowsWhileTheCheckRuns() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        XCTAssertNotNil(h.state.firstRowsOf)
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        XCTAssertLessThan(timed(h, .down, .down), 2000, "the first keys do not wait for the check")
        XCTAssertEqual(h.state.selection, 2)
        XCTAssertNotNil(h.state.firstRowsOf, "still the first rows: nothing was read for these keys")
        XCTAssertLessThan(timed(h, .enter), 2000)
        XCTAssertEqual(h.state.open?.participant.id, whole[2].id)
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        XCTAssertEqual(h.state.caseload, whole)
    }

    func testTheEndReadsTheIndexAndTheCheckCorrectsItAfter() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        guard case .participant(let last)? = whole.last else { return XCTFail("no participant last") }
        try h.editInPlace(last.id, name: "Zz Person 249 Edited")
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        XCTAssertLessThan(timed(h, .end), 2000, "the end of the list waits for nothing")
        XCTAssertTrue(h.app.takeWholeCaseload(wait: true), "it acts when the index's rows come, before the check")
        XCTAssertEqual(h.state.caseload, whole, "the whole index, as it was before the check")
        XCTAssertNil(h.state.firstRowsOf)
        XCTAssertEqual(h.state.selectedRow?.id, last.id)
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        XCTAssertEqual(names(h.state.caseload).last, "Zz Person 249 Edited", "the check corrects the hand edit")
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertEqual(h.state.selectedRow?.id, last.id)
    }

    func testAfterARestoreTheFirstRowsComeFromTheIndexAndTheCheckCorrectsThem() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        guard case .participant(let first)? = whole.first else { return XCTFail("no participant first") }
        try h.restampAsARestoreDoes()
        try h.editInPlace(first.id, name: first.name + " Edited")
        try h.restart()
        XCTAssertEqual(Array(h.state.caseload), Array(whole.prefix(24)), "the first frame comes from the index")
        XCTAssertNotNil(h.state.firstRowsOf)
        XCTAssertTrue(h.screen.contains("275 participants"), h.screen)
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        XCTAssertLessThan(timed(h, .down), 2000, "the first key does not wait for the check")
        XCTAssertEqual(h.state.selection, 1)
        gate.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        XCTAssertEqual(names(h.state.caseload).first, first.name + " Edited", "the check corrects the hand edit")
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertEqual(h.state.selection, 1)
    }
}
