import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// Keys that need more than the first rows of a large caseload, pressed before the whole
/// index was read on another thread: none of them reads the index itself. The search takes
/// letters at once and says that the whole caseload is still being read; a move past the first
/// rows acts when the rows come. Both gates here hold the background work back, so whatever
/// these keys show before the gates open was read by the keys themselves.
final class WholeCaseloadInBackgroundTests: XCTestCase {
    func names<Rows: Sequence<CaseloadRow>>(_ rows: Rows) -> [String] {
        rows.compactMap { row in
            if case .participant(let entry) = row { return entry.name }
            return nil
        }
    }

    /// Calls `idle` as the terminal driver does while no key comes, until it says the screen
    /// changed (at most `limit` times, 10 ms apart); true when it did.
    func idleUntilDrawn(_ h: AppHarness, limit: Int = 1000) -> Bool {
        for _ in 0..<limit {
            if h.app.idle() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// Begins the check after the first frame with both its reading of the index's rows and
    /// its check of every file held back until their semaphores are signalled (or 10 s passed).
    func holdBack(_ h: AppHarness) -> (rows: DispatchSemaphore, check: DispatchSemaphore) {
        let rows = DispatchSemaphore(value: 0)
        let check = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = check.wait(timeout: .now() + 10) }, reading: { _ = rows.wait(timeout: .now() + 10) })
        return (rows, check)
    }

    func testASearchBeforeTheWholeCaseloadWasReadTakesLettersAndSaysSo() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        XCTAssertNotNil(h.state.firstRowsOf)
        let (rows, check) = holdBack(h)
        defer { [rows, check].forEach { $0.signal() } }
        h.app.handle(.char("/"))
        "person 2".forEach { h.app.handle(.char($0)) }
        XCTAssertEqual(h.state.search?.text, "person 2", "every letter was taken")
        XCTAssertNotNil(h.state.firstRowsOf, "no key read the index: only the first rows are known")
        XCTAssertTrue(h.screen.contains("Still reading the whole caseload"), h.screen)
        XCTAssertFalse(h.screen.contains("No name matches"), "no first-rows result passes for the whole caseload:\n\(h.screen)")

        rows.signal()
        XCTAssertTrue(idleUntilDrawn(h), "the rows are shown when they come, without a key")
        XCTAssertNil(h.state.firstRowsOf)
        let expected = names(whole).filter { $0.lowercased().contains("person 2") }
        XCTAssertEqual(expected.count, 50)
        XCTAssertEqual(names(h.state.visibleRows), expected, "the search now covers everyone")
        XCTAssertTrue(h.screen.contains("50 of 275 match"), h.screen)
        XCTAssertFalse(h.screen.contains("Still reading"), h.screen)
        check.signal()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        XCTAssertEqual(names(h.state.visibleRows), expected)
    }

    func testTheEndAndAPageDownActWhenTheRowsComeInTheOrderPressed() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        let (rows, check) = holdBack(h)
        defer { [rows, check].forEach { $0.signal() } }
        h.app.handle(.end)
        h.app.handle(.up)
        XCTAssertNotNil(h.state.firstRowsOf, "the keys did not read the index")
        XCTAssertEqual(h.state.selection, 0, "nothing moved yet")
        XCTAssertTrue(h.screen.contains("Still reading the whole caseload"), h.screen)
        rows.signal()
        XCTAssertTrue(idleUntilDrawn(h))
        XCTAssertEqual(h.state.caseload, whole)
        XCTAssertEqual(h.state.selectedRow?.id, whole[whole.count - 2].id, "End, then Up, in the order pressed")
        XCTAssertFalse(h.screen.contains("Still reading"), h.screen)
        h.app.handle(.home)
        h.app.handle(.pageDown)
        XCTAssertGreaterThan(h.state.selection, 0, "with every row known, a page down acts at once")
    }

    /// With the rows and no key waiting for them, a key that needs them starts the read (no
    /// check was begun: `confirmCaseload` not called), and the keys act once it ends.
    func testAKeyPastTheFirstRowsBeforeAnyCheckStartsTheReading() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        h.app.handle(.pageDown)
        XCTAssertTrue(h.app.takeWholeCaseload(wait: true), "the key started the reading")
        XCTAssertEqual(h.state.caseload, whole)
        XCTAssertGreaterThan(h.state.selection, 0)
    }
}

/// A caseload on screen follows the saves of other coaches without a key: `idle` shows a check
/// when it ends, and looks at `participants/` every few seconds to begin one.
final class CaseloadFollowsTests: XCTestCase {
    func testAParticipantSavedElsewhereAppearsWithoutAKeyAndTheSelectionStays() throws {
        let h = try AppHarness()
        h.app.confirmCaseload()
        _ = h.app.takeConfirmedCaseload(wait: true)
        h.press(.down, .down)
        let selected = try XCTUnwrap(h.state.selectedRow?.id)
        // Written the way Stepwise writes a record (a temporary file renamed into the folder).
        let added = Participant(
            id: "p-aaron", name: "Aaron Elsewhere", language: "da",
            courseStart: Day(iso: "2026-11-02") ?? h.state.today, by: Stamp(by: "Bo", at: AppHarness.start))
        try AtomicFile.write(RecordCodec.encode(added), to: h.store.root.appendingPathComponent("participants/p-aaron.json"))
        var drawn = false
        for _ in 0..<1000 where !drawn {
            drawn = h.app.idle() && h.state.caseload.contains { $0.id == "p-aaron" }
            if !drawn { Thread.sleep(forTimeInterval: 0.01) }
        }
        XCTAssertTrue(drawn, "idle looked at the folder, checked it and showed the new row:\n\(h.screen)")
        XCTAssertEqual(h.state.selectedRow?.id, selected, "the selection stays on the same participant")
        XCTAssertTrue(h.screen.contains("Aaron Elsewhere"), h.screen)
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
    }

    func testAFolderThatKeepsItsStampBeginsNoCheck() throws {
        let h = try AppHarness()
        h.app.confirmCaseload()
        _ = h.app.takeConfirmedCaseload(wait: true)
        for _ in 0..<10 { XCTAssertFalse(h.app.idle(), "nothing changed: nothing to draw") }
        XCTAssertFalse(h.app.takeConfirmedCaseload(wait: false), "no check was begun")
    }
}
