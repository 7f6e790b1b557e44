import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// `OfferReader` reads an offer file in one pass; what it gives is what `JSONDecoder` gives
/// for the same bytes, and what it does not take as the current schema writes it is left to
/// `JSONDecoder` (nil), never read differently.
final class OfferReadingTests: XCTestCase {
    let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)

    /// The offer as `JSONDecoder` reads the bytes (`RecordCodec.offer` before `OfferReader`).
    private func decoded(_ data: Data) -> Offer? { try? RecordCodec.decoder().decode(Offer.self, from: data) }

    /// An offer with every field filled, text with escapes and characters beyond ASCII.
    private func full() throws -> Offer {
        let day = try XCTUnwrap(Day(iso: "2026-11-30"))
        var offer = Offer(
            id: "o-full", title: "Ærø \"Café\" \\ tab\t 😀", kind: "workshop", description: "Line one\nline two — æøå ÄÖÜ ß",
            sessions: [OfferSession(day: day, start: "09:00", end: "12:00"), OfferSession(day: day.adding(days: 7), start: "13:00", end: "15:30")],
            place: "online", capacity: 12, language: "da")
        offer.sessions[1].sequence = 3
        offer.sessions[1].modified = Date(timeIntervalSince1970: 1_790_000_000)
        offer.status = .cancelled
        offer.booked = [Seat(participantId: "p-a1", since: Date(timeIntervalSince1970: 1_780_000_000))]
        offer.waiting = [Seat(participantId: "p-b2", since: Date(timeIntervalSince1970: 1_780_000_600))]
        offer.facilitators = [Facilitator(name: "Bo Friis", role: .peerTrainer)]
        offer.suits = "new graduates"
        offer.waitlistLimit = 4
        offer.attendance = [Attendance(day: day, start: "09:00", participantId: "p-a1", status: .excused)]
        offer.cancelledSessions = [OfferSession(day: day.adding(days: 1), start: "10:00", end: "11:00")]
        return offer
    }

    func testEveryFieldIsReadAsJSONDecoderReadsIt() throws {
        let offer = try full()
        let data = try RecordCodec.encode(offer)
        XCTAssertEqual(OfferReader.read(data), offer)
        XCTAssertEqual(OfferReader.read(data), decoded(data))
        var plain = offer
        plain.waitlistLimit = nil
        plain.status = .open
        plain.sessions[1].modified = nil
        let written = try RecordCodec.encode(plain)
        XCTAssertEqual(OfferReader.read(written), plain)
    }

    func testTheDemoCatalogueIsReadAsJSONDecoderReadsIt() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        _ = try DemoData.create(in: temp.store, resources: resourcesURL, today: day("2026-11-30"), by: anna)
        let files = try FileManager.default.contentsOfDirectory(at: temp.store.offersDir, includingPropertiesForKeys: nil)
        var read = 0
        for file in files where file.pathExtension == "json" {
            let data = try Data(contentsOf: file)
            let expected = try XCTUnwrap(decoded(data), file.lastPathComponent)
            guard let offer = OfferReader.read(data) else {
                XCTAssertNotNil(expected.internship, "only an internship's details are left to JSONDecoder: \(file.lastPathComponent)")
                continue
            }
            XCTAssertEqual(offer, expected, file.lastPathComponent)
            read += 1
        }
        XCTAssertGreaterThan(read, 3)
    }

    /// Forms written by another program: read the same, or left to `JSONDecoder`.
    func testOtherFormsAreReadTheSameOrLeftToJSONDecoder() throws {
        let text = try XCTUnwrap(String(data: try RecordCodec.encode(try full()), encoding: .utf8))
        let taken: [String: String] = [
            "a field it does not know": text.replacingOccurrences(of: "\"capacity\"", with: "\"later\" : [1, {\"x\": null}], \"capacity\""),
            "optional fields left out": text.replacingOccurrences(of: "\"suits\" : \"new graduates\",", with: "")
                .replacingOccurrences(of: "\"waitlistLimit\" : 4,", with: ""),
            "null for optional fields": text.replacingOccurrences(of: "\"suits\" : \"new graduates\"", with: "\"suits\" : null")
                .replacingOccurrences(of: "\"internship\" : null", with: "\"facilitators2\" : 1"),
            "escapes in a text": text.replacingOccurrences(of: "\"kind\" : \"workshop\"", with: "\"kind\" : \"work\\u0073hop \\ud83d\\ude00\""),
        ]
        for (name, variant) in taken {
            let data = Data(variant.utf8)
            let offer = try XCTUnwrap(OfferReader.read(data), name)
            XCTAssertEqual(offer, try XCTUnwrap(decoded(data), name), name)
        }
        let left: [String: String] = [
            "a field given twice": text.replacingOccurrences(of: "\"capacity\" : 12", with: "\"capacity\" : 12, \"capacity\" : 13"),
            "an older version": text.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 1"),
            "a fraction": text.replacingOccurrences(of: "\"capacity\" : 12", with: "\"capacity\" : 12.0"),
            "a date in another form": text.replacingOccurrences(of: "Z\"", with: "+00:00\""),
            "an unknown status": text.replacingOccurrences(of: "\"cancelled\"", with: "\"closed\""),
            "a title missing": text.replacingOccurrences(of: "\"title\"", with: "\"name\""),
            "an escaped key": text.replacingOccurrences(of: "\"place\"", with: "\"pl\\u0061ce\""),
            "an internship": text.replacingOccurrences(of: "\"capacity\"", with: "\"internship\" : {\"employer\": \"X\"}, \"capacity\""),
            "text after the object": text + "{}",
        ]
        for (name, variant) in left { XCTAssertNil(OfferReader.read(Data(variant.utf8)), name) }
    }
}
