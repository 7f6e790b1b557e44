import StepwiseCore
import XCTest

@testable import StepwiseUI

/// A form brought back from a draft comes back over the screen it belongs to: an offer's form
/// over the catalogue, a job's over the job board, not over the caseload.
final class DraftScreenTests: XCTestCase {
    func testAFormOfTheCatalogueOrTheBoardComesBackOverItsScreen() throws {
        let env = Fixtures.env("en")
        var state = Fixtures.state()
        let offerForm = CatalogueForms.offer(Fixtures.offers.first, strings: env.strings, languages: ["da", "en"])
        var effects = Update.apply(.draftRestored(offerForm, writer: nil), state: &state, env: env)
        XCTAssertNotNil(state.catalogue, "the catalogue is shown behind the offer's form")
        XCTAssertTrue(effects.contains { if case .loadOffers = $0 { true } else { false } }, "\(effects)")
        XCTAssertTrue(Fixtures.screen(state).text.contains(env.strings("catalogue.title")), Fixtures.screen(state).text)

        state = Fixtures.state()
        effects = Update.apply(.draftRestored(BoardForms.job(nil, strings: env.strings, languages: ["da", "en"]), writer: nil), state: &state, env: env)
        XCTAssertNotNil(state.board, "the job board is shown behind the job's form")
        XCTAssertTrue(effects.contains { if case .loadBoard = $0 { true } else { false } }, "\(effects)")
    }
}
