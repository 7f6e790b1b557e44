import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Reading the catalogue again decodes only the offer files that changed, and never gives
/// back an offer that another writer (a save, or an edit by hand) has changed since.
final class StampedCacheTests: XCTestCase {
    var temp = TempStore()
    override func tearDown() { temp.cleanUp() }

    private func offer(_ id: String, title: String) -> Offer {
        Offer(id: id, title: title, kind: "workshop", description: "", sessions: [], place: "online", capacity: 3, language: "da")
    }

    func testUnchangedOffersAreNotDecodedAgain() throws {
        try temp.store.prepare()
        for n in 0..<20 { try temp.store.save(offer("o-c\(n)", title: "Offer \(n)")) }
        XCTAssertEqual(temp.store.loadOffers().offers.count, 20)
        let before = DataStore.offers.reads
        XCTAssertEqual(temp.store.loadOffers().offers.count, 20)
        XCTAssertEqual(DataStore.offers.reads, before, "no file changed, so none is decoded again")
        try temp.store.save(offer("o-c3", title: "Offer three"))
        XCTAssertEqual(temp.store.loadOffers().offers.first { $0.id == "o-c3" }?.title, "Offer three")
        XCTAssertEqual(DataStore.offers.reads, before + 1, "only the saved file is decoded again")
    }

    func testAnEditInPlaceIsSeen() throws {
        try temp.store.prepare()
        try temp.store.save(offer("o-hand", title: "Walk and talk"))
        XCTAssertEqual(try temp.store.loadOffer("o-hand").title, "Walk and talk")
        // Same size, same inode: only the times tell the change.
        let url = temp.url.appendingPathComponent("offers/o-hand.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Walk and talk", with: "Walk and TALK")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        XCTAssertEqual(try temp.store.loadOffer("o-hand").title, "Walk and TALK")
    }

    func testAFileThatBecomesUnreadableIsReportedNotRemembered() throws {
        try temp.store.prepare()
        try temp.store.save(offer("o-gone", title: "Gone"))
        XCTAssertEqual(temp.store.loadOffers().offers.count, 1)
        let url = temp.url.appendingPathComponent("offers/o-gone.json")
        try Data("{ not json".utf8).write(to: url)
        let again = temp.store.loadOffers()
        XCTAssertTrue(again.offers.isEmpty)
        XCTAssertEqual(again.problems.map(\.file), ["offers/o-gone.json"])
    }
}
