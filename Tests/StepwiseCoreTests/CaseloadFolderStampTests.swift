import XCTest

@testable import StepwiseCore

/// The caseload shown from the index with one `stat` of `participants/`, and where that stops.
extension CaseloadIndexTests {
    func testAnUnchangedFolderShowsTheIndexWithoutCheckingEachFile() throws {
        try write("Bo", id: "p-b1")
        try write("Anna", id: "p-a1")
        XCTAssertNil(index.loadIfUnchanged(), "no index yet")
        let checked = index.load().rows
        XCTAssertEqual(index.loadIfUnchanged(), checked)
        XCTAssertEqual(index.loadIfUnchanged(), parsedCaseload())

        // A save elsewhere renames a file into the folder: its stamp changes.
        try write("Carl", id: "p-c1")
        XCTAssertNil(index.loadIfUnchanged(), "a new file must not be hidden by the index")
        XCTAssertEqual(names(index.load().rows), ["Anna", "Bo", "Carl"])
        XCTAssertEqual(names(index.loadIfUnchanged() ?? []), ["Anna", "Bo", "Carl"], "the full load vouched for the index again")

        // A save through the store appends its line, and the folder changed: a full load again.
        var bo = try temp.store.loadParticipant("p-b1")
        bo.name = "Aaron"
        try temp.store.save(bo)
        XCTAssertNil(index.loadIfUnchanged())
        XCTAssertEqual(names(index.load().rows), ["Aaron", "Anna", "Carl"])

        // A removed file (an erasure, a restored backup without it) changes the folder too.
        try FileManager.default.removeItem(at: file("p-c1"))
        XCTAssertNil(index.loadIfUnchanged())
        XCTAssertEqual(index.load().rows, parsedCaseload())
    }

    func testAnEditInPlaceKeepsTheFolderStampAndOnlyTheFullLoadSeesIt() throws {
        try write("Anna", id: "p-a1")
        index.load()
        // A hand edit that writes the file in place: no rename, the folder keeps its stamp.
        try write("Enna", id: "p-a1", inPlace: true)
        // The documented limit: the index alone still shows the old name ...
        XCTAssertEqual(names(index.loadIfUnchanged() ?? []), ["Anna"])
        // ... until the check of every file (the program makes it right after the first frame).
        XCTAssertEqual(names(index.load().rows), ["Enna"])
        XCTAssertEqual(names(index.loadIfUnchanged() ?? []), ["Enna"])
    }

    func testAFolderChangedJustNowDoesNotVouchForTheIndex() throws {
        // With the real clock the folder was changed within `racyWindow`: another rename in the
        // same tick of the file system's clock could keep its stamp, so no folder line is written.
        try write("Anna", id: "p-a1")
        let realClock = CaseloadIndex(store: temp.store, racyWindow: 2, now: { Date() })
        _ = index.load()
        try write("Bo", id: "p-b1")
        XCTAssertEqual(names(realClock.load().rows), ["Anna", "Bo"])
        XCTAssertNil(realClock.loadIfUnchanged())
    }

    func testOneRowIsReplacedInCaseloadOrder() throws {
        try write("Anna", id: "p-a1")
        try write("Bo", id: "p-b1")
        try write("Carl", id: "p-c1")
        try Data("{".utf8).write(to: file("p-bad"))
        let rows = index.load().rows
        // The row of `participant` as given, moved to where its name now sorts.
        func replacing(_ participant: Participant) -> Caseload {
            var moved = rows
            CaseloadIndex.moving(participant, in: rows, order: temp.store.nameOrder).apply(to: &moved)
            return moved
        }
        var bo = try temp.store.loadParticipant("p-b1")
        bo.name = "Dora"
        XCTAssertEqual(names(replacing(bo)), ["Anna", "Carl", "Dora", "unreadable p-bad"])
        bo.name = "Aaron"
        try temp.store.save(bo)
        XCTAssertEqual(replacing(bo), parsedCaseload())
    }
}
