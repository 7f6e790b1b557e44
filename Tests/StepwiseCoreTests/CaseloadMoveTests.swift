import XCTest

@testable import StepwiseCore

/// Back from a participant, one row is moved in place to where its name now sorts: the
/// caseload that gives is the one a reading of every file gives.
extension CaseloadIndexTests {
    func testAMovedRowGivesWhatReadingEveryFileGivesUpDownAndInPlace() throws {
        for (name, id) in [("Anna", "p-a1"), ("Bo", "p-b1"), ("Carl", "p-c1"), ("Dora", "p-d1"), ("Åse", "p-e1"), ("Ærø", "p-f1")] {
            try write(name, id: id)
        }
        try Data("{".utf8).write(to: file("p-bad"))
        var rows = index.load().rows
        // Down past everyone, up past everyone, next to a neighbour, the same name, a new participant.
        let changes: [(id: String, name: String)] = [
            ("p-a1", "Øjvind"), ("p-e1", "Aaron"), ("p-c1", "Bob"), ("p-c1", "Bob"), ("p-d1", "Ådne"), ("p-new", "Carla"),
        ]
        for change in changes {
            var participant = (try? temp.store.loadParticipant(change.id)) ?? self.participant(change.name, id: change.id, start: "2026-10-05")
            participant.name = change.name
            try temp.store.save(participant)
            let move = CaseloadIndex.moving(participant, in: rows, order: temp.store.nameOrder)
            move.apply(to: &rows)
            XCTAssertEqual(rows, parsedCaseload(), "\(change.id) → \(change.name)")
        }
        XCTAssertEqual(names(rows).last, "unreadable p-bad")
    }

    /// 100,000 rows in memory take 8 MB: a row is 80 bytes, and what it keeps of the next
    /// conversation and the days comes back as it went in.
    func testARowIsSmallAndKeepsWhatTheCaseloadShows() {
        XCTAssertLessThanOrEqual(MemoryLayout<CaseloadRow>.stride, 80)
        let next = Conversation(number: 2, planned: Day(ordinal: 20_800), status: .moved, statusChanged: Day(ordinal: 20_790))
        var entry = CaseloadEntry(
            id: "p-1", name: "Søren Ærø", searchKey: "soren aero", courseStart: Day(ordinal: 20_700), nextConversation: next,
            lastEmployerContact: Day(ordinal: -3), followAlongDue: nil, contactsAgreed: true)
        XCTAssertEqual(entry.nextConversation, next)
        XCTAssertEqual(entry.courseStart, Day(ordinal: 20_700))
        XCTAssertEqual(entry.lastEmployerContact, Day(ordinal: -3))
        XCTAssertNil(entry.followAlongDue)
        entry.nextConversation = nil
        entry.followAlongDue = Day(ordinal: 0)
        XCTAssertNil(entry.nextConversation)
        XCTAssertEqual(entry.followAlongDue, Day(ordinal: 0))
        entry.nextConversation = Conversation(number: 1, planned: Day(ordinal: 1), status: .planned)
        XCTAssertEqual(entry.nextConversation?.statusChanged, nil)
        XCTAssertEqual(entry.nextConversation?.status, .planned)
    }
}
