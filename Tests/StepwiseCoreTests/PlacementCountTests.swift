import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The catalogue's placement counts are read from the placements of each record alone
/// (`PlacementReader`); what they give is what the whole record gives, and what the reader
/// does not take as the current schema writes it is read from the whole record.
final class PlacementCountTests: XCTestCase {
    let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A participant placed in `o-1` (planned, held, cancelled and planned meetings, notes
    /// with escapes) and in `o-2` (no meetings).
    private func placed(_ id: String) -> Participant {
        var participant = Participant(id: id, name: "Åse \"Bo\"", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: now))
        participant.placements["o-1"] = Placement(
            hoursPerWeek: 18.5, accommodations: Accommodations(),
            followUps: [
                FollowUpMeeting(day: day("2027-01-08"), status: .held, notes: "Godt \\ \"sagt\"\nnæste gang"),
                FollowUpMeeting(day: day("2027-01-15")),
                FollowUpMeeting(day: day("2027-01-22"), status: .cancelled),
                FollowUpMeeting(day: day("2027-01-29"), time: "10:00"),
            ])
        participant.placements["o-2"] = Placement()
        return participant
    }

    /// The JSON of a saved record as an object, changed by `change`, written back.
    private func rewrite(_ file: URL, _ change: (inout [String: Any]) -> Void) throws {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: file)
    }

    func testTheReaderGivesWhatTheWholeRecordGives() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let plain = Participant(id: "p-none", name: "No placement", language: "sv", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: now))
        for participant in [placed("p-placed"), plain] {
            try temp.store.save(participant)
            let data = try Data(contentsOf: temp.store.participantFile(participant.id))
            XCTAssertEqual(PlacementReader.plannedFollowUps(data), PlacementCount.plannedFollowUps(of: try temp.store.loadParticipant(participant.id)))
        }
        XCTAssertEqual(
            PlacementReader.plannedFollowUps(try Data(contentsOf: temp.store.participantFile("p-placed"))), ["o-1": 2, "o-2": 0])
        // A meeting written without a status, or with null, is planned, as the record reads it.
        let file = try temp.store.participantFile("p-placed")
        try rewrite(file) { object in
            var placements = object["placements"] as? [String: Any] ?? [:]
            var placement = placements["o-1"] as? [String: Any] ?? [:]
            var meetings = placement["followUps"] as? [[String: Any]] ?? []
            meetings[0]["status"] = nil
            meetings[2]["status"] = NSNull()
            placement["followUps"] = meetings
            placements["o-1"] = placement
            object["placements"] = placements
        }
        let rewritten = try Data(contentsOf: file)
        XCTAssertEqual(PlacementReader.plannedFollowUps(rewritten), ["o-1": 4, "o-2": 0])
        XCTAssertEqual(PlacementCount.plannedFollowUps(of: try temp.store.loadParticipant("p-placed")), ["o-1": 4, "o-2": 0])
    }

    func testWhatTheReaderDoesNotTakeIsReadFromTheWholeRecord() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        try temp.store.save(placed("p-placed"))
        let file = try temp.store.participantFile("p-placed")
        let saved = try Data(contentsOf: file)
        let text = try XCTUnwrap(String(data: saved, encoding: .utf8))
        // Another schema (the whole record migrates it or names it), a status it does not know,
        // a field given twice, text that is not JSON: never read differently from the whole record.
        let other = text.replacingOccurrences(
            of: "\"schemaVersion\" : \(Participant.currentSchemaVersion)", with: "\"schemaVersion\" : \(Participant.currentSchemaVersion + 1)")
        XCTAssertNotEqual(other, text, "the record names its schema version")
        let unknown = text.replacingOccurrences(of: "\"cancelled\"", with: "\"postponed\"")
        XCTAssertNotEqual(unknown, text)
        let twice = text.replacingOccurrences(of: "{", with: "{\"placements\" : {},", options: .anchored)
        let cut = String(text.dropLast(text.count / 2))
        for variant in [other, unknown, twice, cut] {
            XCTAssertNil(PlacementReader.plannedFollowUps(Data(variant.utf8)), variant)
            try Data(variant.utf8).write(to: file)
            XCTAssertEqual(
                try? temp.store.loadPlannedFollowUps("p-placed"), (try? temp.store.loadParticipant("p-placed")).map(PlacementCount.plannedFollowUps(of:)),
                variant)
        }
        try Data(unknown.utf8).write(to: file)
        XCTAssertThrowsError(try temp.store.loadPlannedFollowUps("p-placed"), "an unreadable record is not counted")
    }

    func testTheCatalogueCountsAreThoseOfTheWholeRecords() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        _ = try DemoData.create(in: temp.store, resources: resourcesURL, today: day("2026-11-30"), by: anna)
        // Everyone with a seat in an internship has a placement there, as booking writes it.
        let offers = temp.store.loadOffers().offers.filter { $0.internship != nil || $0.kind == "internship" }
        XCTAssertFalse(offers.isEmpty, "the demo has internships")
        for offer in offers {
            for seat in offer.booked {
                var participant = try temp.store.loadParticipant(seat.participantId)
                if participant.placements[offer.id] == nil { participant.placements[offer.id] = placed(participant.id).placements["o-1"] }
                try temp.store.save(participant)
            }
        }
        let whole = PlacementCount.tally(temp.store.participantIDs().compactMap { try? temp.store.loadParticipant($0) })
            .filter { id in offers.contains { $0.id == id.key } }
        XCTAssertFalse(whole.isEmpty)
        XCTAssertEqual(PlacementCount.tally(in: temp.store), whole)
    }
}
