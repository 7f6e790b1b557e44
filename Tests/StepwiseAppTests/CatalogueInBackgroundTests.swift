import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// No key waits for the whole offer catalogue to be read (at 100,000 participants, 5,000
/// offers, the first reading takes over a second): the offers tab, the summary tab, the
/// catalogue screen and the end-session form ask for it and it is read on another thread,
/// held back here by a gate. Meanwhile the screens say it is being read, every key acts, and
/// those that would pick an offer from a list not yet there say so and do nothing.
final class CatalogueInBackgroundTests: XCTestCase {
    /// Keys as the terminal sends them, without waiting for the catalogue (`AppHarness.press`
    /// waits for it).
    private func keys(_ h: AppHarness, _ keys: Key...) {
        for key in keys {
            h.app.handle(key)
            h.app.completeRecord()
        }
    }

    /// Holds every reading of the whole catalogue back until the gate is opened.
    private func hold(_ h: AppHarness) -> DispatchSemaphore {
        let gate = DispatchSemaphore(value: 0)
        h.app.holdCatalogueReads { _ = gate.wait(timeout: .now() + 20) }
        return gate
    }

    func testTheFirstShowingOfTheOffersTabDoesNotWaitForTheCatalogue() throws {
        for (language, reading) in [("en", "Reading the offer catalogue…"), ("da", "Læser tilbudskataloget…")] {
            let h = try AppHarness(height: 40, language: language)
            h.open("Bente")
            let gate = hold(h)
            defer { gate.signal() }
            keys(h, .char("2"))
            XCTAssertEqual(h.app.catalogueReads.offers, 0, "\(language): the key came back before the catalogue was read")
            XCTAssertEqual(h.state.open?.tab, .offers)
            XCTAssertTrue(h.state.catalogueReading)
            XCTAssertTrue(h.screen.contains(reading), h.screen)
            let still = h.app.env.strings("offers.stillReading")

            // Keys act meanwhile: those that pick from the list say it is still being read.
            keys(h, .down, .char("b"))
            XCTAssertNil(h.state.form, "\(language): nothing is booked from a list not yet shown")
            XCTAssertNil(h.state.confirm)
            XCTAssertEqual(h.state.open?.offerSelection, 0)
            XCTAssertEqual(h.state.message?.text, still)
            keys(h, .char("3"))
            XCTAssertEqual(h.state.open?.tab, .notes, "\(language): another tab is shown at once")
            keys(h, .char("5"))
            XCTAssertTrue(h.screen.contains(reading), "\(language): the summary lists the citizen's offers:\n\(h.screen)")
            XCTAssertNil(h.state.open?.summaryPages, "no summary is made from the few offers read one by one")
            keys(h, .char("p"))
            XCTAssertEqual(h.state.message?.text, still, "\(language): nothing is printed without the citizen's offers")
            keys(h, .char("2"))
            XCTAssertEqual(h.app.catalogueReads.offers, 0)

            // The catalogue comes: the list replaces the line, read once.
            gate.signal()
            XCTAssertTrue(h.app.takeCatalogue(wait: true))
            XCTAssertFalse(h.state.catalogueReading)
            XCTAssertFalse(h.screen.contains(reading), h.screen)
            XCTAssertEqual(Set(h.state.offers.map(\.id)), Set(h.store.loadOffers().offers.map(\.id)))
            let screen = h.screen
            XCTAssertTrue(h.state.offers.contains { screen.contains($0.title) }, "\(language): the list is shown:\n\(screen)")
            XCTAssertEqual(h.app.catalogueReads.offers, 1)
            h.press(.char("5"))
            XCTAssertNotNil(h.state.open?.summaryPages)
            XCTAssertEqual(h.app.catalogueReads.offers, 1, "\(language): read once")
        }
    }

    /// The catalogue screen reached from the caseload says the catalogue is being read too.
    func testTheCatalogueScreenDoesNotWaitForTheCatalogue() throws {
        let h = try AppHarness(height: 40)
        let gate = hold(h)
        defer { gate.signal() }
        keys(h, .char("o"))
        XCTAssertEqual(h.app.catalogueReads.offers, 0)
        XCTAssertTrue(h.screen.contains("Reading the offer catalogue…"), h.screen)
        keys(h, .char("e"), .char("d"))
        XCTAssertNil(h.state.form)
        XCTAssertNil(h.state.confirm)
        gate.signal()
        XCTAssertTrue(h.app.takeCatalogue(wait: true))
        XCTAssertFalse(h.screen.contains("Reading the offer catalogue…"), h.screen)
    }

    /// A booking shows the offer as written under its lock at once; the rest of the catalogue
    /// (another offer may have changed elsewhere) is read again on another thread.
    func testABookingDoesNotWaitForTheCatalogueToBeReadAgain() throws {
        let h = try AppHarness(height: 40)
        h.open("Bente")
        h.press(.char("2"))
        let id = try XCTUnwrap(h.state.open?.participant.id)
        for _ in 0..<40 where h.state.form == nil {
            h.press(.char("b"))
            if h.state.confirm != nil { h.press(.escape) }
            if h.state.form == nil { h.press(.down) }
        }
        guard case .book(let offerId)? = h.state.form?.purpose else { return XCTFail("a booking form is open:\n\(h.screen)") }
        let offer = try h.store.loadOffer(offerId)
        let reads = h.app.catalogueReads.offers
        let gate = hold(h)
        defer { gate.signal() }
        keys(h, .enter)
        XCTAssertNil(h.state.form)
        XCTAssertNotNil(Booking.place(of: id, in: try XCTUnwrap(h.state.offers.first { $0.id == offer.id })), "shown booked at once")
        XCTAssertNotNil(Booking.place(of: id, in: try h.store.loadOffer(offer.id)), "and written")
        XCTAssertEqual(h.app.catalogueReads.offers, reads, "the key did not wait for the catalogue")
        XCTAssertFalse(h.state.catalogueReading, "the list stays shown while it is read again")
        gate.signal()
        XCTAssertTrue(h.app.takeCatalogue(wait: true))
        XCTAssertEqual(h.app.catalogueReads.offers, reads + 1)
        XCTAssertEqual(h.state.offers.first { $0.id == offer.id }, try h.store.loadOffer(offer.id))
    }
}
