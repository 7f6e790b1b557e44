import XCTest

@testable import StepwiseCore

/// The first frame of a large caseload from the first lines of the index: the same first rows
/// and the same size as reading the whole index, with appended lines, and never when the
/// folder changed.
extension CaseloadIndexTests {
    private func whole() -> (rows: Caseload, size: CaseloadSize)? {
        guard let rows = index.loadIfUnchanged() else { return nil }
        let people = rows.filter { if case .participant = $0 { return true } else { return false } }.count
        return (rows, CaseloadSize(participants: people, unreadable: rows.count - people))
    }

    func testTheFirstRowsAreThoseOfTheWholeIndex() throws {
        for n in 0..<60 { try write(String(format: "Person %02d", 59 - n), id: "p-n\(n)") }
        try Data("{".utf8).write(to: file("p-bad"))
        XCTAssertNil(index.loadFirstRows(5), "no index yet")
        index.load()
        guard let all = whole(), let first = index.loadFirstRows(5) else { return XCTFail("the index vouches for the folder") }
        XCTAssertEqual(first.rows, Array(all.rows.prefix(5)))
        XCTAssertEqual(first.size, all.size)
        XCTAssertEqual(first.size, CaseloadSize(participants: 60, unreadable: 1))
        XCTAssertNil(index.loadFirstRows(20), "parsing a third of the index is not worth it")

        // Lines appended after the body: a new name that sorts first, a renamed participant,
        // one that became unreadable, and one that became readable.
        try write("Aaron", id: "p-new")
        try write("Zara", id: "p-n59")
        try Data("{".utf8).write(to: file("p-n58"))
        try write("Aase", id: "p-bad")
        XCTAssertNil(index.loadFirstRows(5), "the folder changed: the index alone does not vouch")
        XCTAssertEqual(index.load().statistics.write, .appended)
        guard let after = whole(), let firstAfter = index.loadFirstRows(5) else { return XCTFail("vouched for again") }
        XCTAssertEqual(names(firstAfter.rows), ["Aaron", "Aase", "Person 02", "Person 03", "Person 04"])
        XCTAssertEqual(firstAfter.rows, Array(after.rows.prefix(5)))
        XCTAssertEqual(firstAfter.size, after.size)
        XCTAssertEqual(firstAfter.size, CaseloadSize(participants: 61, unreadable: 1))
    }

    /// The first rows read the head of the index and what was appended after the body, never
    /// the middle of the body: a line there spoiled in place (same length) does not stop them,
    /// while a reading of the whole index sees it.
    func testTheFirstRowsDoNotReadTheMiddleOfTheIndex() throws {
        for n in 0..<200 { try write(String(format: "Person %03d", n), id: "p-n\(n)") }
        index.load()
        try write("Aaron", id: "p-new")
        index.load()
        guard let whole = index.loadIfUnchanged(), let before = index.loadFirstRows(5) else { return XCTFail("vouched for") }
        var bytes = try Data(contentsOf: indexURL)
        guard let middle = bytes.range(of: Data(#"["p","p-n100","#.utf8)) else { return XCTFail("no line for p-n100") }
        bytes.replaceSubrange(middle, with: Data(repeating: UInt8(ascii: "x"), count: middle.count))
        try bytes.write(to: indexURL)
        XCTAssertNil(index.loadIfUnchanged(), "the whole index has a damaged line")
        XCTAssertEqual(index.loadFirstRows(5), before)
        XCTAssertEqual(before.rows, Array(whole.prefix(5)))
        XCTAssertEqual(names(before.rows).first, "Aaron")
        XCTAssertEqual(before.size, CaseloadSize(participants: 201, unreadable: 0))
    }
}
