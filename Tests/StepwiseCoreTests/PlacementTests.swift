import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A placement is one participant's: it is stored in their record, never in the offer, and
/// its follow-up meetings keep their calendar identity as they are planned, moved and held.
final class PlacementTests: XCTestCase {
    private func day(_ iso: String) -> Day { Day(iso: iso)! }
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testTheOfferKeepsOnlyWhatIsTheSameForEveryoneAndTheRecordKeepsThePlacement() throws {
        var offer = Offer(
            id: "o-trial", title: "Praktik", kind: "internship", description: "", sessions: [], place: "Lager", capacity: 3,
            language: "da")
        offer.internship = Internship(employer: "Brdr. Hansen", start: day("2027-01-04"), end: day("2027-02-26"), tasks: "Lager")
        let offerJSON = String(decoding: try RecordCodec.encode(offer), as: UTF8.self)
        for field in ["accommodations", "followUps"] { XCTAssertFalse(offerJSON.contains(field), offerJSON) }

        var maja = Participant(id: "p-maja", name: "Maja", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: now))
        maja.placements["o-trial"] = Placement(
            start: day("2027-01-11"), hoursPerWeek: 12, accommodations: Accommodations(shorterDays: true, other: "Ingen tunge løft"),
            followUps: [FollowUpMeeting(day: day("2027-01-15"), time: "10:00", others: "Jens (mentor)", notes: "Godt")])
        let read = try RecordCodec.participant(from: try RecordCodec.encode(maja), file: "participants/p-maja.json")
        XCTAssertEqual(read.placements, maja.placements)
        XCTAssertEqual(read, maja)
    }

    func testFollowUpsKeepTheirIdWhenMovedOrHeldAndAHeldMeetingPlansTheNext() {
        var placement = Placement()
        placement.put(FollowUpMeeting(day: day("2027-01-15")), at: nil, now: now)
        placement.put(FollowUpMeeting(day: day("2027-01-15"), time: "14:00"), at: nil, now: now)
        XCTAssertEqual(placement.followUps.map(\.id), ["20270115", "20270115-2"], "two meetings on one day: two ids")
        placement.put(FollowUpMeeting(day: day("2027-01-18"), time: "10:00"), at: 0, now: now)
        XCTAssertEqual(placement.followUps[0].id, "20270115", "moved: the same meeting")
        XCTAssertEqual(placement.followUps[0].sequence, 1)
        XCTAssertEqual(placement.followUps[0].modified, now)
        placement.put(
            FollowUpMeeting(day: day("2027-01-18"), time: "10:00", status: .held, notes: "Godt", next: day("2027-01-25")), at: 0,
            now: now)
        XCTAssertEqual(placement.followUps[0].sequence, 2)
        XCTAssertEqual(placement.followUps.map(\.day), [day("2027-01-18"), day("2027-01-15"), day("2027-01-25")])
        XCTAssertEqual(placement.followUps[2].status, .planned)
        XCTAssertEqual(placement.followUps[2].time, "10:00", "the next one with the same people and time")
        XCTAssertEqual(placement.planned.count, 2)
        // Only the notes changed: the calendar has nothing new.
        placement.put(
            FollowUpMeeting(day: day("2027-01-18"), time: "10:00", status: .held, notes: "Meget godt", next: day("2027-01-25")),
            at: 0, now: now.addingTimeInterval(60))
        XCTAssertEqual(placement.followUps[0].sequence, 2)
        XCTAssertEqual(placement.followUps.count, 3, "the next one is not planned twice")
    }

    func testTheCatalogueCountsPlacementsWithoutReadingWhatTheySay() {
        var a = Participant(id: "p-a", name: "A", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: now))
        var b = a
        b.id = "p-b"
        a.placements["o-1"] = Placement(followUps: [FollowUpMeeting(day: day("2027-01-15")), FollowUpMeeting(day: day("2027-01-22"))])
        b.placements["o-1"] = Placement(followUps: [FollowUpMeeting(day: day("2027-01-08"), status: .held), FollowUpMeeting(day: day("2027-01-29"))])
        b.placements["o-2"] = Placement()
        XCTAssertEqual(
            PlacementCount.tally([a, b]),
            ["o-1": PlacementCount(placements: 2, plannedFollowUps: 3), "o-2": PlacementCount(placements: 1, plannedFollowUps: 0)])
    }
}
