import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// Back to the caseload without reading the index again, and a first frame from the index
/// alone that is checked against every file right after.
final class CaseloadReturnTests: XCTestCase {
    func names<Rows: Sequence<CaseloadRow>>(_ rows: Rows) -> [String] {
        rows.compactMap { row in
            if case .participant(let entry) = row { return entry.name }
            return nil
        }
    }

    func testAFileSavedByAnotherTerminalMeanwhileIsThereOnReturn() throws {
        let h = try AppHarness()
        guard let asa = h.id(of: "Åsa Lindqvist") else { return XCTFail("no Åsa in the demo data") }
        h.open("grace")
        // Another terminal saves a new participant and renames one (each a rename into the folder).
        let other = DataStore(root: h.store.root)
        try other.save(
            Participant(
                id: "p-zelda", name: "Zelda Berg", language: "da", courseStart: Day(iso: "2026-11-02") ?? h.state.today,
                by: Stamp(by: "Bo", at: AppHarness.start)))
        var renamed = try other.loadParticipant(asa)
        renamed.name = "Åse Lindqvist"
        try other.save(renamed)
        h.press(.escape)
        XCTAssertNil(h.state.open)
        // Shown at once from the rows in memory; the check of every file corrects them after.
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true), "going back began a check of every file")
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertTrue(names(h.state.caseload).contains("Zelda Berg"))
        XCTAssertTrue(names(h.state.caseload).contains("Åse Lindqvist"))
    }

    func testReturningWithNothingRenamedUpdatesOneRowWithoutReadingTheIndex() throws {
        let h = try AppHarness()
        guard let asa = h.id(of: "Åsa Lindqvist") else { return XCTFail("no Åsa in the demo data") }
        let before = h.state.caseload
        h.open("grace")
        // A hand edit in place is the one change the folder's stamp does not show: the rows
        // come back from memory (the next start checks every file), which shows that the
        // index was not read again.
        try h.editInPlace(asa, name: "Åsa Edited")
        h.press(.escape)
        XCTAssertEqual(h.state.caseload, before)
        XCTAssertFalse(names(h.state.caseload).contains("Åsa Edited"))
        try h.restart()
        XCTAssertTrue(names(h.state.caseload).contains("Åsa Edited"), "a start checks every file")
    }

    func testAFirstFrameFromTheIndexIsCheckedAgainstEveryFile() throws {
        let h = try AppHarness()
        guard let asa = h.id(of: "Åsa Lindqvist") else { return XCTFail("no Åsa in the demo data") }
        // The folder must have been quiet for two seconds before the index can vouch for it.
        Thread.sleep(forTimeInterval: 2.2)
        try h.restart()
        try h.editInPlace(asa, name: "Åsa Edited")
        try h.restart()
        XCTAssertFalse(names(h.state.caseload).contains("Åsa Edited"), "the first frame comes from the index alone")
        h.app.confirmCaseload()
        XCTAssertTrue(h.app.takeConfirmedCaseload(wait: true))
        XCTAssertTrue(names(h.state.caseload).contains("Åsa Edited"), "the check of every file corrects it")
        XCTAssertEqual(h.state.caseload, h.store.loadCaseload())
        XCTAssertFalse(h.app.takeConfirmedCaseload(wait: false), "the check is made once")
    }

    /// A large caseload's first frame holds only the rows it shows, with the right count; the
    /// whole caseload is there before the first key acts.
    func testALargeCaseloadsFirstFrameReadsOnlyItsFirstRows() throws {
        let (h, whole) = try AppHarness.largeCaseload()
        XCTAssertEqual(h.state.caseload.count, 24, "only the rows the first frame can show")
        XCTAssertEqual(Array(h.state.caseload), Array(whole.prefix(24)))
        XCTAssertEqual(h.state.readableCount, 275)
        XCTAssertTrue(h.screen.contains("275 participants"), h.screen)
        h.press(.end)
        XCTAssertEqual(h.state.caseload, whole, "the whole caseload before the first key acts")
        XCTAssertNil(h.state.firstRowsOf)
        XCTAssertEqual(h.state.selectedRow?.id, whole.last?.id)
    }
}
