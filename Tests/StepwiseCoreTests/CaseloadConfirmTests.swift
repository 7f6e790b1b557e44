import XCTest

@testable import StepwiseCore

/// The check of rows just read from the index (`load(confirming:)`): the same caseload and the
/// same index as `load()`, whatever changed behind the index's back, and the rows read kept
/// (not made again) when nothing did.
extension CaseloadIndexTests {
    func testConfirmingTheRowsReadGivesWhatLoadGives() throws {
        for n in 0..<40 { try write(String(format: "Person %02d", n), id: "p-n\(n)") }
        try Data("{".utf8).write(to: file("p-bad"))
        index.load()
        guard let read = index.readRows() else { return XCTFail("the index can be read") }
        let same = index.load(confirming: read)
        XCTAssertEqual(same.rows, parsedCaseload())
        XCTAssertEqual(same.statistics.parsed, 0)
        XCTAssertTrue(same.rows.sharesRows(with: read.rows), "nothing changed: the rows read are kept")

        // Behind the index's back: a new file, one edited in place, one removed, one that
        // became readable, one that became unreadable.
        let before = try XCTUnwrap(index.readRows())
        try write("Aaron", id: "p-new")
        try write("Person 05 Edited", id: "p-n5", inPlace: true)
        try FileManager.default.removeItem(at: file("p-n7"))
        try write("Aase", id: "p-bad")
        try Data("{".utf8).write(to: file("p-n9"))
        let confirmed = index.load(confirming: before)
        XCTAssertEqual(confirmed.rows, parsedCaseload())
        XCTAssertEqual(confirmed.statistics.parsed, 4)
        XCTAssertEqual(confirmed.statistics.removed, 1)
        XCTAssertEqual(index.loadIfUnchanged(anyFolder: true), parsedCaseload(), "the index was brought up to date")
    }

    func testAnIndexWrittenBetweenTheTwoReadingsIsReadAgainWhole() throws {
        for n in 0..<40 { try write(String(format: "Person %02d", n), id: "p-n\(n)") }
        index.load()
        guard let read = index.readRows() else { return XCTFail("the index can be read") }
        // Another terminal saves: its file and a line appended to the index.
        let saved = try write("Aaron Elsewhere", id: "p-elsewhere")
        index.recordSaved(saved)
        let confirmed = index.load(confirming: read)
        XCTAssertEqual(confirmed.rows, parsedCaseload())
        XCTAssertEqual(confirmed.statistics.parsed, 0, "the appended line was read: the index was read again whole")
        XCTAssertFalse(confirmed.rows.sharesRows(with: read.rows))
    }
}
