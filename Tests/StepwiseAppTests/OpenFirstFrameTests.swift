import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// A record opens on a first frame read without its notes and ratings (the plan tab and the
/// header show neither; they are nine tenths of a large record); they are read once the frame
/// is drawn (`App.completeRecord`, which the driver calls after each frame), and before any
/// key acts on the record. The first frame is the frame of the whole record.
final class OpenFirstFrameTests: XCTestCase {
    /// Searches for `name` and presses Enter, without reading the rest of the record after
    /// the frame (as the driver does once it drew it).
    private func openFirstFrame(_ h: AppHarness, _ name: String) {
        h.app.handle(.char("/"))
        name.forEach { h.app.handle(.char($0)) }
        h.app.handle(.enter)
    }

    private func backToCaseload(_ h: AppHarness) {
        h.press(.escape)
        if h.state.search != nil { h.press(.escape) }
    }

    func testTheFirstFrameLeavesOutNotesAndRatingsAndShowsWhatTheWholeRecordShows() throws {
        let h = try AppHarness()
        var checked = 0
        for id in h.store.participantIDs() {
            let whole = try h.store.loadParticipant(id)
            guard !whole.notes.isEmpty || !whole.ratings.isEmpty else { continue }
            openFirstFrame(h, whole.name)
            XCTAssertEqual(h.state.open?.participant.id, id)
            XCTAssertEqual(h.state.open?.participant.notes, [], "no note is decoded before the first frame")
            XCTAssertEqual(h.state.open?.participant.ratings, [], "no rating is decoded before the first frame")
            let first = h.screen
            h.app.completeRecord()
            XCTAssertEqual(h.state.open?.participant, whole, "the record is whole once the frame is drawn")
            XCTAssertEqual(h.screen, first, "the first frame is the whole record's")
            backToCaseload(h)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0, "demo records with notes or ratings")
    }

    /// A key that comes before the driver read the rest (a test, a bench) acts on the whole record.
    func testAKeyAfterTheFirstFrameActsOnTheWholeRecord() throws {
        let h = try AppHarness()
        let id = try XCTUnwrap(h.store.participantIDs().first { (try? h.store.loadParticipant($0).notes.isEmpty) == false })
        let whole = try h.store.loadParticipant(id)
        openFirstFrame(h, whole.name)
        h.app.handle(.char("3"))
        XCTAssertEqual(h.state.open?.participant, whole)
        let firstNote = try XCTUnwrap(whole.notes.last?.current?.text)
        XCTAssertTrue(h.flatScreen.contains(String(firstNote.prefix(20))), "the notes tab shows the notes:\n\(h.screen)")
    }

    /// A note that cannot be read closes the record once the frame is drawn, with the reason
    /// an opening gives, and gives back its edit lock.
    func testADamagedNoteClosesTheRecordWithTheReason() throws {
        let h = try AppHarness()
        let id = try XCTUnwrap(h.store.participantIDs().first { (try? h.store.loadParticipant($0).notes.isEmpty) == false })
        let name = try h.store.loadParticipant(id).name
        let url = try h.store.participantFile(id)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var notes = try XCTUnwrap(object["notes"] as? [[String: Any]])
        notes[0]["kind"] = "gossip"
        object["notes"] = notes
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        openFirstFrame(h, name)
        h.app.completeRecord()
        XCTAssertNil(h.state.open, "the record is closed:\n\(h.screen)")
        let message = try XCTUnwrap(h.state.message?.text)
        XCTAssertTrue(message.contains("notes[0]"), message)
        var bo = h.identity
        bo.coach = "Bo"
        guard case .acquired(let lock) = try h.store.lockParticipant(id, as: bo) else {
            return XCTFail("the edit lock was given back")
        }
        lock.release()
    }
}
