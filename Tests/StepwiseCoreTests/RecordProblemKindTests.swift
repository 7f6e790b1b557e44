import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Callers decide by a problem's kind, never by its words.
final class RecordProblemKindTests: XCTestCase {
    func testEachKindIsReportedWhereItHappens() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        XCTAssertEqual(kind { _ = try temp.store.loadParticipant("p-nobody") }, .missing)
        XCTAssertEqual(kind { _ = try temp.store.loadOffer("o-nothing") }, .missing)

        let participant = Participant(
            id: "p-kinds", name: "Kim", language: "da", courseStart: day("2026-11-02"),
            by: Stamp(by: "Anna", at: Date()))
        try temp.store.save(participant)
        let file = temp.url.appendingPathComponent("participants/p-kinds.json")
        try Data("{\"id\": 1}".utf8).write(to: file)
        XCTAssertEqual(kind { _ = try temp.store.loadParticipant("p-kinds") }, .invalid)
        if getuid() != 0 {
            chmod(file.path, 0)
            XCTAssertEqual(kind { _ = try temp.store.loadParticipant("p-kinds") }, .unreadable)
        }
        // A folder where the file belongs cannot be read as one, also as root.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        XCTAssertEqual(kind { _ = try temp.store.loadParticipant("p-kinds") }, .unreadable)

        XCTAssertEqual(kind { _ = try Localizer.load(language: "fi", resources: resourcesURL) }, .unknownLanguage)
        XCTAssertEqual(kind { _ = try IndicatorSet.load(resources: temp.url) }, .missing)
    }

    /// An unknown participant is told apart from an unreadable one by kind, whatever the words say.
    func testBookingTellsUnknownFromUnreadableByKind() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let bookings = BookingStore(store: temp.store, identity: anna)
        XCTAssertThrowsError(try bookings.book("p-nobody", into: "o-nothing")) { error in
            guard case BookingStore.Failure.unknownParticipant("p-nobody") = error else {
                return XCTFail("expected unknownParticipant, got \(error)")
            }
        }
    }

    private func kind(_ body: () throws -> Void) -> RecordProblem.Kind? {
        do { try body() } catch let problem as RecordProblem { return problem.kind } catch { return nil }
        return nil
    }
}
