import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// Opening a record reads what its first screen shows: of the offer catalogue only the offers
/// its plan links to (their titles show on the plan tab); the whole catalogue is read when a
/// tab that lists it is shown, and an offer linked later (by another terminal) is read then.
final class OpenReadsWhatItShowsTests: XCTestCase {
    /// A demo participant whose plan links its first step to the first offer of the
    /// catalogue (and no other step to an offer), saved so; and the offers it links to.
    private func linkedParticipant(_ h: AppHarness) throws -> (participant: Participant, links: Set<String>) {
        guard let offer = h.store.loadOffers().offers.first else { throw XCTSkip("no demo offers") }
        for id in h.store.participantIDs() {
            var participant = try h.store.loadParticipant(id)
            guard let goal = participant.plan.goals.firstIndex(where: { !$0.steps.isEmpty }) else { continue }
            for g in participant.plan.goals.indices {
                for s in participant.plan.goals[g].steps.indices { participant.plan.goals[g].steps[s].offerId = nil }
            }
            participant.plan.goals[goal].steps[0].offerId = offer.id
            try h.store.save(participant)
            return (participant, [offer.id])
        }
        throw XCTSkip("no demo participant has a step")
    }

    func testOpeningReadsOnlyTheLinkedOffersAndTheOffersTabReadsTheCatalogue() throws {
        let h = try AppHarness()
        let catalogue = h.store.loadOffers().offers
        let (participant, links) = try linkedParticipant(h)
        XCTAssertGreaterThan(catalogue.count, links.count, "the demo catalogue has offers the plan does not link to")
        h.open(participant.name)
        XCTAssertEqual(Set(h.state.offers.map(\.id)), links, "only the linked offers are read at opening")
        for offer in catalogue where links.contains(offer.id) {
            XCTAssertTrue(h.flatScreen.contains("→ " + offer.title), "the plan shows the linked offer \(offer.title):\n\(h.screen)")
        }
        h.press(.char("2"))
        XCTAssertEqual(Set(h.state.offers.map(\.id)), Set(catalogue.map(\.id)), "the offers tab reads the whole catalogue")
        XCTAssertEqual(h.state.offers, catalogue)
        // Back on the plan, and on the record opened again, nothing read is lost.
        h.press(.char("1"), .escape)
        if h.state.search != nil { h.press(.escape) }
        h.open(participant.name)
        XCTAssertEqual(Set(h.state.offers.map(\.id)), Set(catalogue.map(\.id)))
    }

    /// A booking form left open when the program was cut off comes back on the offers tab,
    /// with the catalogue read as when the tab is switched to.
    func testADraftRestoredOnTheOffersTabReadsTheCatalogue() throws {
        let h = try AppHarness()
        let catalogue = h.store.loadOffers().offers
        let (participant, _) = try linkedParticipant(h)
        h.open(participant.name)
        h.press(.char("2"))
        // The first offer the participant has not booked yet (which one that is depends on
        // the demo's bookings).
        for _ in 0..<40 where h.state.form == nil {
            h.press(.char("b"))
            if h.state.confirm != nil { h.press(.escape) }
            if h.state.form == nil { h.press(.down) }
        }
        XCTAssertNotNil(h.state.form, "a booking form is open:\n\(h.screen)")
        try h.restart()
        XCTAssertEqual(h.state.open?.participant.id, participant.id)
        XCTAssertEqual(h.state.open?.tab, .offers)
        XCTAssertNotNil(h.state.form, "the form is back:\n\(h.screen)")
        XCTAssertEqual(Set(h.state.offers.map(\.id)), Set(catalogue.map(\.id)))
    }

    func testAnOfferLinkedByAnotherTerminalWhileTheRecordIsShownIsRead() throws {
        let h = try AppHarness()
        let catalogue = h.store.loadOffers().offers
        let (participant, links) = try linkedParticipant(h)
        guard let unlinked = catalogue.first(where: { !links.contains($0.id) }) else { return XCTFail("every offer is linked") }
        // Another terminal holds the record: it is shown here read only, and read again when its file changes.
        let other = try h.otherTerminal(coach: "Bo", opening: participant.name)
        XCTAssertEqual(other.state.open?.participant.id, participant.id)
        h.open(participant.name)
        XCTAssertNotNil(h.state.open?.heldBy, "the record is held by the other terminal")
        XCTAssertFalse(h.state.offers.contains { $0.id == unlinked.id })
        var changed = try h.store.loadParticipant(participant.id)
        guard let goal = changed.plan.goals.firstIndex(where: { !$0.steps.isEmpty }) else { return XCTFail("no step to link") }
        changed.plan.goals[goal].steps[changed.plan.goals[goal].steps.count - 1].offerId = unlinked.id
        try h.store.save(changed)
        h.press(.down)
        XCTAssertEqual(h.state.open?.participant.plan.goals[goal].steps.last?.offerId, unlinked.id, "the change is read")
        XCTAssertTrue(h.state.offers.contains(unlinked), "the newly linked offer is read")
        XCTAssertTrue(h.flatScreen.contains("→ " + unlinked.title), "the plan shows the newly linked offer:\n\(h.screen)")
    }
}
