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
}
