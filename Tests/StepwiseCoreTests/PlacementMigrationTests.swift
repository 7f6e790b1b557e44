import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Offer files written before placements were kept per participant hold one citizen's
/// adjustments and follow-up notes for the whole offer. They move to the one person holding a
/// seat; with more than one (or none), to no one, and `stepwise check` names the file and field.
final class PlacementMigrationTests: XCTestCase {
    private let temp = TempStore()
    private let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
    override func tearDown() { temp.cleanUp() }

    private func participant(_ id: String) -> String {
        """
        {"schemaVersion": 1, "id": "\(id)", "name": "Name \(id)", "language": "da", "courseStart": "2026-09-07",
         "conversations": [], "created": {"by": "Anna", "at": "2026-09-07T09:00:00Z"},
         "updated": {"by": "Anna", "at": "2026-09-07T09:00:00Z"}}
        """
    }

    /// An offer file as the older version wrote it, with `booked` holding seats.
    private func offer(_ id: String, booked: [String]) -> String {
        let seats = booked.map { #"{"participantId": "\#($0)", "since": "2026-10-01T09:00:00Z"}"# }.joined(separator: ", ")
        return """
            {"schemaVersion": 2, "id": "\(id)", "title": "Praktik \(id)", "kind": "internship", "description": "",
             "sessions": [], "place": "Lager", "capacity": 3, "language": "da", "status": "open",
             "booked": [\(seats)], "waiting": [],
             "internship": {"employer": "Brdr. Hansen", "contact": {"name": "Lone", "phone": "", "email": ""},
               "start": "2027-01-04", "end": "2027-02-26", "hoursPerWeek": 18.5, "tasks": "Plukke varer",
               "accommodations": {"shorterDays": true, "mentor": "Jens", "other": "Ingen tunge løft, ryggen"},
               "followUps": [{"id": "20270111", "day": "2027-01-11", "status": "planned", "withParticipant": true,
                 "withEmployer": true, "notes": "Første uge", "sequence": 0}]}}
            """
    }

    /// The folder: o-one with one seat held (p-a), o-two with two (p-b, p-c).
    private func oldFolder() throws -> (one: URL, two: URL, a: URL) {
        try temp.store.prepare()
        for id in ["p-a", "p-b", "p-c"] {
            try AtomicFile.write(Data(participant(id).utf8), to: temp.url.appendingPathComponent("participants/\(id).json"))
        }
        let one = temp.url.appendingPathComponent("offers/o-one.json")
        let two = temp.url.appendingPathComponent("offers/o-two.json")
        try AtomicFile.write(Data(offer("o-one", booked: ["p-a"]).utf8), to: one)
        try AtomicFile.write(Data(offer("o-two", booked: ["p-b", "p-c"]).utf8), to: two)
        return (one, two, temp.url.appendingPathComponent("participants/p-a.json"))
    }

    func testTheAdjustmentsOfTheOnePersonBookedMoveToThemAndOthersToNoOne() throws {
        let files = try oldFolder()
        let twoBefore = try Data(contentsOf: files.two)
        // Before the move nothing shows them: the offer as read has only what is for everyone.
        XCTAssertEqual(try temp.store.loadOffer("o-one").internship?.employer, "Brdr. Hansen")
        XCTAssertEqual(try temp.store.loadParticipant("p-a").placements, [:])
        let before = DataCheck.run(temp.store).filter { $0.file.hasPrefix("offers/") }
        XCTAssertEqual(
            before.map { "\($0.file) \($0.field ?? "")" },
            [
                "offers/o-one.json internship.accommodations", "offers/o-one.json internship.followUps",
                "offers/o-two.json internship.accommodations", "offers/o-two.json internship.followUps",
            ])

        let moved = PlacementMigration.run(temp.store, as: anna)
        XCTAssertEqual(moved, [PlacementMigration.Moved(offerId: "o-one", participantId: "p-a")])
        let placement = try XCTUnwrap(try temp.store.loadParticipant("p-a").placements["o-one"])
        XCTAssertEqual(placement.accommodations, Accommodations(shorterDays: true, mentor: "Jens", other: "Ingen tunge løft, ryggen"))
        XCTAssertEqual(placement.followUps.map(\.notes), ["Første uge"])
        XCTAssertEqual(placement.followUps.map(\.id), ["20270111"], "the meeting keeps its id")
        XCTAssertEqual(placement.hoursPerWeek, 18.5)
        XCTAssertEqual(placement.start, Day(iso: "2027-01-04"))
        let oneText = try String(contentsOf: files.one, encoding: .utf8)
        XCTAssertFalse(oneText.contains("Ingen tunge"), "the offer file no longer holds them")
        XCTAssertFalse(oneText.contains("accommodations"))
        XCTAssertTrue(oneText.contains("Brdr. Hansen"), "what is the same for everyone stays")
        XCTAssertEqual(try Data(contentsOf: files.two), twoBefore, "two people booked: the file is left as it was")
        for id in ["p-b", "p-c"] { XCTAssertEqual(try temp.store.loadParticipant(id).placements, [:], "moved to no one") }

        let problems = DataCheck.run(temp.store).filter { $0.file.hasPrefix("offers/") }
        XCTAssertEqual(
            problems.map { "\($0.file) \($0.field ?? "")" },
            ["offers/o-two.json internship.accommodations", "offers/o-two.json internship.followUps"])
        XCTAssertTrue(problems[0].reason.contains("p-b, p-c"), problems[0].reason)
        XCTAssertTrue(problems[0].reason.contains("re-enter"), problems[0].reason)

        // A second run changes nothing; once re-entered, the coach removes them.
        let aAfter = try Data(contentsOf: files.a)
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna), [])
        XCTAssertEqual(try Data(contentsOf: files.a), aAfter)
        XCTAssertTrue(try PlacementMigration.forget(offer: "o-two", in: temp.store, as: anna))
        XCTAssertFalse(try String(contentsOf: files.two, encoding: .utf8).contains("Ingen tunge"))
        XCTAssertEqual(DataCheck.run(temp.store).filter { $0.file.hasPrefix("offers/") }, [])
    }

    func testARecordOpenAtAnotherTerminalIsLeftAsItWasUntilTheNextRun() throws {
        let files = try oldFolder()
        let oneBefore = try Data(contentsOf: files.one)
        let aBefore = try Data(contentsOf: files.a)
        let bo = Identity(coach: "Bo", user: "bo", host: "h", pid: getpid())
        guard case .acquired(let lock) = try temp.store.lockParticipant("p-a", as: bo) else { return XCTFail("lock") }
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna), [])
        XCTAssertEqual(try Data(contentsOf: files.one), oneBefore, "original files untouched")
        XCTAssertEqual(try Data(contentsOf: files.a), aBefore)
        lock.release()
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna).count, 1)
    }

    /// A move cut off after the participant's file was written (before the offer's) is
    /// finished by the next run, and the meeting is not given twice.
    func testAMoveCutOffHalfWayIsFinishedWithoutDoubling() throws {
        let files = try oldFolder()
        let offer = try temp.store.loadOffer("o-one")
        var a = try temp.store.loadParticipant("p-a")
        a.placements["o-one"] = PlacementMigration.placement(try XCTUnwrap(offer.internship?.unmoved), of: offer, joining: nil)
        try temp.store.save(a)
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna).count, 1)
        XCTAssertEqual(try temp.store.loadParticipant("p-a").placements["o-one"]?.followUps.count, 1)
        XCTAssertFalse(try String(contentsOf: files.one, encoding: .utf8).contains("followUps"))
    }

    /// A run that finds nothing left to move writes the stamp of `offers/`; later runs read no
    /// offer file while the folder keeps it, and an old offer written into the folder since
    /// (an import, an older version) is still moved. `stepwise check` still names leftovers.
    func testAFolderAlreadyMigratedReadsNoOfferUntilAnOfferIsWritten() throws {
        _ = try oldFolder()
        let first = PlacementMigration.run(temp.store, as: anna, quietFor: 0)
        XCTAssertEqual(first.moved.map(\.offerId), ["o-one"])
        XCTAssertEqual(first.read, 2)
        // The move renamed files into `offers/`: the next run reads again, finds nothing to move.
        let second = PlacementMigration.run(temp.store, as: anna, quietFor: 0)
        XCTAssertEqual(second.moved, [])
        XCTAssertEqual(second.read, 2)
        let third = PlacementMigration.run(temp.store, as: anna, quietFor: 0)
        XCTAssertEqual(third.read, 0, "a folder already migrated is not read again")
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna), [])
        XCTAssertEqual(
            DataCheck.run(temp.store).filter { $0.file.hasPrefix("offers/") }.map { "\($0.file) \($0.field ?? "")" },
            ["offers/o-two.json internship.accommodations", "offers/o-two.json internship.followUps"],
            "check still names what is left")

        // An old offer written since, as an import or an older version writes it.
        try AtomicFile.write(Data(offer("o-three", booked: ["p-b"]).utf8), to: temp.url.appendingPathComponent("offers/o-three.json"))
        let fourth = PlacementMigration.run(temp.store, as: anna, quietFor: 0)
        XCTAssertEqual(fourth.moved, [PlacementMigration.Moved(offerId: "o-three", participantId: "p-b")])
        XCTAssertEqual(try temp.store.loadParticipant("p-b").placements["o-three"]?.followUps.map(\.notes), ["Første uge"])
    }

    /// The marker is written only when nothing is left to move and the folder had been quiet:
    /// an offer whose record is open elsewhere, or a folder changed a moment ago, is read again.
    func testNoMarkerWhileAMoveIsLeftOrTheFolderJustChanged() throws {
        _ = try oldFolder()
        let bo = Identity(coach: "Bo", user: "bo", host: "h", pid: getpid())
        guard case .acquired(let lock) = try temp.store.lockParticipant("p-a", as: bo) else { return XCTFail("lock") }
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna, quietFor: 0).read, 2)
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna, quietFor: 0).read, 2, "a move is still due")
        lock.release()
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna, quietFor: 0).moved.count, 1)
        // Changed a moment ago: a rename in the same clock tick could keep the folder's stamp.
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna, quietFor: 60).read, 2)
        XCTAssertEqual(PlacementMigration.run(temp.store, as: anna, quietFor: 60).read, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent(PlacementMigration.markerName).path))
    }
}
