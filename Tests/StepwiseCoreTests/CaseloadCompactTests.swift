import XCTest

@testable import StepwiseCore

#if canImport(Glibc)
    import Glibc
#endif

/// The caseload in memory is compact (`Caseload`): measured on the C library's heap, not
/// computed from the layout, so that rows going back to whole structs with a string each fail.
final class CaseloadCompactTests: XCTestCase {
    /// 20,000 participants with names longer than 15 bytes (a string's inline room), a third of
    /// them with letters the search key folds (ø, æ, ü), as a Danish or German caseload has.
    private func entries() -> [CaseloadEntry] {
        let first = ["Henrietta", "Søren", "Agnieszka", "Mikkel", "Jürgen", "Åsa", "Ingeborg", "Mohammed"]
        let last = ["Vestergaard-Lindqvist", "Ærøskøbing", "Nørgaard Pedersen", "Abdullahi Hassan", "Schäfer-Müller"]
        return (0..<20_000).map { n in
            let name = "\(first[n % first.count]) \(last[n / first.count % last.count]) \(n)"
            return CaseloadEntry(
                id: "p-\(String(n, radix: 36).leftPadded(8))", name: name, searchKey: CaseloadEntry.fold(name),
                courseStart: Day(ordinal: 20_500 + n % 300),
                nextConversation: Conversation(number: 2, planned: Day(ordinal: 20_800), status: .planned))
        }
    }

    /// Bytes in use on the heap: what the C library took from the system for its arenas, less
    /// what is free in them, plus the large blocks it mapped (glibc's `malloc_info` report).
    private func heapInUse() -> Int {
        guard let symbol = dlsym(nil, "malloc_info") else { return 0 }
        let report = unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32).self)
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        guard let stream = open_memstream(&buffer, &length) else { return 0 }
        _ = report(0, stream)
        fclose(stream)
        defer { free(buffer) }
        guard let buffer else { return 0 }
        // The totals of every arena follow the last `</heap>`.
        let xml = String(cString: buffer)
        guard let totals = xml.range(of: "</heap>", options: .backwards) else { return 0 }
        func size(_ element: String) -> Int {
            guard let found = xml.range(of: element, range: totals.upperBound..<xml.endIndex),
                let at = xml.range(of: #"size=""#, range: found.upperBound..<xml.endIndex)
            else { return 0 }
            return Int(xml[at.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        return size(#"<system type="current""#) - size(#"<total type="fast""#) - size(#"<total type="rest""#)
            + size(#"<total type="mmap""#)
    }

    /// What building `make` leaves on the heap, per participant.
    private func bytesPerRow<T>(_ count: Int, _ make: () -> T) -> (value: T, bytes: Double) {
        let before = heapInUse()
        let value = make()
        return (value, Double(heapInUse() - before) / Double(count))
    }

    func testTheCaseloadTakesUnderHalfOfWholeRowsAndUnder120BytesARow() {
        // Each made from entries of its own, as read from the index (the entries are let go).
        let count = entries().count
        let rows = bytesPerRow(count) { entries().map(CaseloadRow.participant) }
        let compact = bytesPerRow(count) { () -> Caseload in
            var caseload = Caseload()
            caseload.reserveCapacity(count)
            for entry in entries() { caseload.append(.participant(entry)) }
            return caseload
        }
        XCTAssertTrue(compact.value.elementsEqual(rows.value), "the same rows come back")
        XCTAssertLessThan(compact.bytes, 120, "bytes a row (whole rows: \(rows.bytes))")
        XCTAssertLessThan(compact.bytes * 2, rows.bytes, "compact: \(compact.bytes) bytes a row, whole rows: \(rows.bytes)")
    }

    /// A search keeps the positions it matched (4 bytes each, up to twice that while the array
    /// grows), not copies of the rows.
    func testAFilteredCaseloadTakesFourBytesAMatch() {
        var caseload = Caseload()
        for entry in entries() { caseload.append(.participant(entry)) }
        let filtered = bytesPerRow(caseload.count) { caseload.filter(folded: "o") }
        XCTAssertGreaterThan(filtered.value.count, caseload.count / 2)
        XCTAssertLessThan(filtered.bytes, 8, "bytes per row searched, most of them matched")
    }
}

/// An offer's seats are named from the caseload in one pass (`Caseload.names`), each as its
/// row names it; an id the caseload lacks is left out.
final class CaseloadNamesTests: XCTestCase {
    func testNamesOfSomeIdsInOnePass() {
        var caseload = Caseload()
        for (id, name) in [("p-aaaaaaaa", "Åsa Lindqvist"), ("p-bbbbbbbb", "Jürgen Weiß"), ("p-cc", "Bo"), ("p-dddddddd", "Søren Ærø")] {
            caseload.append(.participant(CaseloadEntry(id: id, name: name, searchKey: CaseloadEntry.fold(name), courseStart: Day(ordinal: 20_500), nextConversation: nil)))
        }
        caseload.append(.unreadable(id: "p-eeeeeeee", problem: .missing("participants/p-eeeeeeee.json")))
        XCTAssertEqual(
            caseload.names(of: ["p-dddddddd", "p-cc", "p-eeeeeeee", "p-gone"]), ["p-dddddddd": "Søren Ærø", "p-cc": "Bo"])
        XCTAssertEqual(caseload.names(of: []), [:])
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
