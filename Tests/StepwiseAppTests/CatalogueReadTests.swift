import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// No key waits for work that grows with the catalogue or the organisation: the tabs that
/// list the catalogue read it again only when `offers/` changed, and the catalogue screen's
/// placement counts are counted once per change of the folders, on another thread.
final class CatalogueReadTests: XCTestCase {
    /// Switching between the tabs that list the catalogue (offers, summary) reads it once
    /// while nothing changes: no reading of every offer file, and the offers shown stay the
    /// same value, so nothing is filtered, sorted or made into pages again.
    func testTabSwitchesReadTheCatalogueOnlyWhenItChanged() throws {
        let h = try AppHarness()
        h.open("Bente")
        h.press(.char("2"))
        let offers = h.state.offers
        XCTAssertFalse(offers.isEmpty)
        let revision = h.state.offersRevision
        let reads = h.app.catalogueReads.offers
        for key in ["1", "2", "5", "3", "2", "5", "2"] { h.press(.char(Character(key))) }
        XCTAssertEqual(h.state.offersRevision, revision, "the offers were not given again")
        XCTAssertEqual(h.app.catalogueReads.offers, reads, "the catalogue was not read again")
        XCTAssertEqual(h.state.offers, offers)

        // Another terminal changes an offer (renamed into offers/): the next switch reads it.
        var changed = try XCTUnwrap(offers.first)
        changed.title = "Renamed elsewhere"
        try h.store.save(changed)
        h.press(.char("1"), .char("2"))
        XCTAssertEqual(h.app.catalogueReads.offers, reads + 1)
        XCTAssertEqual(h.state.offers.first { $0.id == changed.id }?.title, "Renamed elsewhere")
    }

    /// The catalogue screen's placement counts are counted from the records once, then kept
    /// while `offers/` and `participants/` keep their stamps; a placement saved makes them
    /// counted again.
    func testPlacementCountsAreCountedOncePerChange() throws {
        let h = try AppHarness(height: 70)
        h.press(.char("o"))
        XCTAssertTrue(h.app.takePlacementCounts(wait: true))
        let counts = try XCTUnwrap(h.state.catalogue?.placementCounts)
        XCTAssertFalse(counts.isEmpty)
        XCTAssertEqual(h.app.catalogueReads.placements, 1)
        for _ in 0..<3 {
            h.press(.escape, .char("o"))
            XCTAssertEqual(h.state.catalogue?.placementCounts, counts, "the kept counts are shown at once")
        }
        XCTAssertFalse(h.app.takePlacementCounts(), "nothing was counted again")
        XCTAssertEqual(h.app.catalogueReads.placements, 1)

        // A participant saved (renamed into participants/): counted again, on another thread.
        h.press(.escape)
        let id = try XCTUnwrap(h.id(of: "Bente Holm"))
        try h.store.save(try h.store.loadParticipant(id))
        h.press(.char("o"))
        XCTAssertEqual(h.state.catalogue?.placementCounts, [:], "the key did not wait for the count")
        XCTAssertTrue(h.app.takePlacementCounts(wait: true))
        XCTAssertEqual(h.state.catalogue?.placementCounts, counts)
        XCTAssertEqual(h.app.catalogueReads.placements, 2)
    }
}

/// The catalogue names the people booked into an offer from the whole caseload, also when the
/// caseload shown holds only its first rows.
final class CatalogueNamesTests: XCTestCase {
    func testAPersonBookedPastTheFirstRowsIsNamed() throws {
        let (h, _) = try AppHarness.largeCaseload()
        XCTAssertNotNil(h.state.firstRowsOf)
        let gate = DispatchSemaphore(value: 0)
        h.app.confirmCaseload(after: { _ = gate.wait(timeout: .now() + 10) })
        defer { gate.signal() }
        let offer = try XCTUnwrap(h.store.loadOffers().offers.first { $0.booked.count < $0.capacity && $0.sessions.contains { $0.day >= h.state.today } })
        let other = BookingStore(store: DataStore(root: h.store.root), identity: Identity(coach: "Bo", user: "bo", host: "harness", pid: 1))
        _ = try other.book("p-many200", into: offer.id)
        h.press(.char("o"), .char("f"), .ctrl("u"))
        h.type(offer.title)
        h.press(.enter, .enter)
        XCTAssertEqual(h.state.catalogue?.detail, offer.id, h.screen)
        // The booked are listed after the offer's text: scroll the details to them.
        let text = (0..<12).map { _ -> String in
            h.press(.down)
            return h.screen
        }.joined(separator: "\n")
        XCTAssertTrue(text.contains("Zz Person 200"), text)
        XCTAssertFalse(text.contains("p-many200"), text)
    }
}

/// Placement counts made on another thread: a count started before a change and finished
/// after the count started since never replaces it.
final class PlacementTallyTests: XCTestCase {
    func testAnOlderCountFinishingLastDoesNotBringBackOldCounts() throws {
        let h = try AppHarness()
        let held = DispatchSemaphore(value: 0)
        let calls = NSLock()
        nonisolated(unsafe) var call = 0
        let tally = PlacementTally(store: h.store) { _ in
            let number = calls.withLock { call += 1; return call }
            if number == 1 { held.wait() }
            return ["o-\(number)": PlacementCount(placements: number)]
        }
        XCTAssertNil(tally.counts(), "the first count is started and held back")
        let id = try XCTUnwrap(h.id(of: "Bente Holm"))
        try h.store.save(try h.store.loadParticipant(id))
        XCTAssertNil(tally.counts(), "a participant saved: a second count is started")
        XCTAssertEqual(tally.take(wait: true), ["o-2": PlacementCount(placements: 2)])
        held.signal()
        let deadline = Date().addingTimeInterval(10)
        while tally.tallies < 2 && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(tally.tallies, 2, "the first count finished")
        XCTAssertNil(tally.take(wait: false), "the older counts are not given")
        XCTAssertEqual(tally.counts(), ["o-2": PlacementCount(placements: 2)], "the newer counts are kept")
    }
}

/// The catalogue as kept by `OfferCatalogue`: read again, on another thread, only when
/// `offers/` changed; the catalogue as last read is given meanwhile.
final class OfferCatalogueTests: XCTestCase {
    func testTheCatalogueIsReadAgainOnlyWhenItsFolderChanged() throws {
        let h = try AppHarness()
        let catalogue = OfferCatalogue(store: h.store)
        XCTAssertNil(catalogue.request(), "nothing read yet: the reading runs on another thread")
        let first = try XCTUnwrap(catalogue.take(wait: true))
        XCTAssertEqual(catalogue.request(), first)
        XCTAssertNil(catalogue.take(wait: true), "nothing was read again")
        XCTAssertEqual(catalogue.reads, 1)
        var offer = try XCTUnwrap(first.last)
        offer.capacity += 1
        try h.store.save(offer)
        XCTAssertEqual(catalogue.request(), first, "the catalogue as last read, while it is read again")
        XCTAssertEqual(try XCTUnwrap(catalogue.take(wait: true)).first { $0.id == offer.id }?.capacity, offer.capacity)
        XCTAssertEqual(catalogue.reads, 2)
        // A file removed (an erasure that leaves no offer behind, a restore) is a change too.
        try FileManager.default.removeItem(at: h.store.root.appendingPathComponent("offers/\(offer.id).json"))
        _ = catalogue.request()
        XCTAssertNil(try XCTUnwrap(catalogue.take(wait: true)).first { $0.id == offer.id })
        XCTAssertEqual(catalogue.reads, 3)
    }

    /// A reading started before a change and finished after the one started since never
    /// replaces it.
    func testAnOlderReadingFinishingLastDoesNotBringBackTheOldCatalogue() throws {
        let h = try AppHarness()
        let catalogue = OfferCatalogue(store: h.store)
        let held = DispatchSemaphore(value: 0)
        let calls = NSLock()
        nonisolated(unsafe) var call = 0
        catalogue.gate = {
            if calls.withLock({ call += 1; return call }) == 1 { held.wait() }
        }
        defer { held.signal() }
        XCTAssertNil(catalogue.request(), "the first reading is started and held back")
        var offer = try XCTUnwrap(h.store.loadOffers().offers.first)
        offer.title = "Renamed elsewhere"
        try h.store.save(offer)
        XCTAssertNil(catalogue.request(), "an offer saved: a second reading is started")
        let newer = try XCTUnwrap(catalogue.take(wait: true))
        XCTAssertEqual(newer.first { $0.id == offer.id }?.title, "Renamed elsewhere")
        held.signal()
        let deadline = Date().addingTimeInterval(10)
        while catalogue.reads < 2 && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(catalogue.reads, 2, "the first reading finished")
        XCTAssertNil(catalogue.take(wait: false), "the older catalogue is not given")
        XCTAssertEqual(catalogue.request(), newer, "the newer catalogue is kept")
    }
}
