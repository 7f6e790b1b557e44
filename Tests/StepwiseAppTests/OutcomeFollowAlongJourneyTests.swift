import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// An outcome saved that ends the course with a job or an education asks at once whether to
/// agree on follow-along support; a yes opens the jobs tab's own follow-along form, filled in
/// from the outcome. Any other outcome, a no, or support already agreed asks nothing more.
final class OutcomeFollowAlongJourneyTests: XCTestCase {
    /// Opens `name`'s progress tab and the outcome form, with `text` typed and the kind chosen
    /// `right` steps on from the one shown ("not recorded yet" when there is no outcome yet,
    /// then job).
    private func recordOutcome(of name: String, _ text: String, right: Int, in h: AppHarness) {
        h.open(name)
        h.press(.char("4"), .char("o"))
        XCTAssertEqual(h.state.form?.purpose, .outcome, h.screen)
        h.type(text)
        h.press(.tab)
        for _ in 0..<right { h.press(.right) }
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
    }

    func testAJobOutcomeOffersFollowAlongAtOnceAndAYesOpensItsForm() throws {
        let h = try AppHarness(height: 40)
        let id = try XCTUnwrap(h.id(of: "Frederik Kjær Mølgaard"))
        recordOutcome(of: "Frederik", "Fast job på lageret hos Dagrofa", right: 1, in: h)
        XCTAssertEqual(try h.store.loadParticipant(id).outcome?.kind, .job, "the outcome is saved before the question")
        let today = Day(AppHarness.start, timeZone: .gmt)
        let question = "A job started on \(h.app.env.strings.shortDate(today)). Agree on follow-along support?"
        XCTAssertEqual(h.state.confirm?.question, question)
        XCTAssertTrue(h.flatScreen.contains(question), h.screen)

        h.press(.char("y"))
        XCTAssertNil(h.state.confirm)
        XCTAssertEqual(h.state.open?.tab, .jobs)
        XCTAssertEqual(h.state.form?.purpose, .followAlong, "the jobs tab's own follow-along form")
        XCTAssertTrue(h.flatScreen.contains("Fast job på lageret hos Dagrofa"), "filled in from the outcome:\n\(h.screen)")
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        let support = try XCTUnwrap(try h.store.loadParticipant(id).followAlong)
        XCTAssertEqual(support.reason, .job)
        XCTAssertEqual(support.start, today)

        // Saved again with support agreed: no question.
        h.press(.char("4"), .char("o"), .enter)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertNil(h.state.confirm, h.screen)
    }

    func testOtherOutcomesAndANoAskNothingMore() throws {
        let h = try AppHarness(height: 40)
        let id = try XCTUnwrap(h.id(of: "Ibrahim Yilmaz"))
        // No change: nothing to follow along.
        recordOutcome(of: "Ibrahim", "Ikke klar endnu", right: 5, in: h)
        XCTAssertEqual(try h.store.loadParticipant(id).outcome?.kind, .noChange)
        XCTAssertNil(h.state.confirm, h.screen)

        // An education: asked; a no leaves support unagreed and the jobs tab still offers it.
        h.press(.escape, .escape)
        recordOutcome(of: "Ibrahim", "Starter på VUC", right: 3, in: h)
        XCTAssertEqual(try h.store.loadParticipant(id).outcome?.kind, .education)
        XCTAssertEqual(
            h.state.confirm?.question,
            "An education started on \(h.app.env.strings.shortDate(Day(AppHarness.start, timeZone: .gmt))). Agree on follow-along support?")
        h.press(.char("n"))
        XCTAssertNil(h.state.confirm)
        XCTAssertNil(h.state.form)
        XCTAssertEqual(h.state.open?.tab, .progress)
        XCTAssertNil(try h.store.loadParticipant(id).followAlong)
        h.press(.char("6"))
        XCTAssertTrue(h.flatScreen.contains("Agree on follow-along support?"), h.screen)
    }

    /// A new outcome starts on "Not recorded yet": Enter without a choice records nothing and
    /// says what to choose.
    func testANewOutcomeIsNeverRecordedWithoutAChoice() throws {
        let h = try AppHarness(height: 40)
        let id = try XCTUnwrap(h.id(of: "Frederik Kjær Mølgaard"))
        h.open("Frederik")
        h.press(.char("4"), .char("o"))
        XCTAssertTrue(h.screen.contains("‹ Not recorded yet ›"), h.screen)
        h.press(.enter)
        XCTAssertNotNil(h.state.form, h.screen)
        XCTAssertTrue(h.flatScreen.contains("Choose what the course ended with"), h.screen)
        XCTAssertNil(try h.store.loadParticipant(id).outcome)
        // The focus is on the choice that was missing.
        h.press(.right)
        XCTAssertTrue(h.screen.contains("‹ Job ›"), h.screen)
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertEqual(try h.store.loadParticipant(id).outcome?.kind, .job)
    }
}
