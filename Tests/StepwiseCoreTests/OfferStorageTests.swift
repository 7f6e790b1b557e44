import Foundation
import XCTest

@testable import StepwiseCore

/// An offer holds its fields once, shared by its copies until one is changed (the catalogue,
/// the cache of offer files and every filtered list hold 5,000 offers at 100,000
/// participants), and an offer read from its file holds no spare room in its lists.
final class OfferStorageTests: XCTestCase {
    private func offer() throws -> Offer {
        let day = try XCTUnwrap(Day(iso: "2026-12-07"))
        var offer = Offer(
            id: "o-shared", title: "CV workshop", kind: "workshop", description: "Bring your CV.",
            sessions: [OfferSession(day: day, start: "09:00", end: "12:00")], place: "Aarhus", capacity: 14, language: "da")
        offer.booked = (0..<12).map { Seat(participantId: "p-\($0)", since: Date(timeIntervalSince1970: 1_780_000_000 + Double($0))) }
        return offer
    }

    func testACopyIsOnePointerAndChangingItLeavesTheOtherAsItWas() throws {
        XCTAssertEqual(MemoryLayout<Offer>.size, MemoryLayout<Int>.size, "an offer is one pointer to its fields")
        let original = try offer()
        var copy = original
        XCTAssertEqual(copy, original)
        copy.title = "CV workshop, evening"
        copy.booked.removeLast()
        copy.sessions[0].sequence = 2
        copy.internship = Internship(employer: "Bager Hansen", tasks: "Bake bread")
        XCTAssertEqual(original.title, "CV workshop")
        XCTAssertEqual(original.booked.count, 12)
        XCTAssertEqual(original.sessions[0].sequence, 0)
        XCTAssertNil(original.internship)
        XCTAssertEqual(copy.booked.count, 11)
        XCTAssertEqual(copy.internship?.employer, "Bager Hansen")
        XCTAssertNotEqual(copy, original)
        // Equal fields in storage of their own are equal offers.
        var again = try offer()
        XCTAssertEqual(again, original)
        again.capacity = 15
        XCTAssertNotEqual(again, original)
    }

    func testTheBoxedInternshipIsWrittenAndReadAsBefore() throws {
        var offer = try offer()
        offer.kind = "internship"
        offer.internship = Internship(employer: "Bager Hansen", tasks: "Bake bread")
        let data = try RecordCodec.encode(offer)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let internship = try XCTUnwrap(json["internship"] as? [String: Any], "the details are an object of their own, not a box")
        XCTAssertEqual(internship["employer"] as? String, "Bager Hansen")
        XCTAssertEqual(try RecordCodec.offer(from: data, file: "offers/o-shared.json"), offer)
    }

    func testListsReadFromAFileHoldNoSpareRoom() throws {
        let read = try XCTUnwrap(OfferReader.read(try RecordCodec.encode(try offer())))
        XCTAssertEqual(read.booked.count, 12)
        // Appending 12 seats one by one leaves room for 16.
        XCTAssertLessThan(read.booked.capacity, 14, "no spare room")
    }
}
