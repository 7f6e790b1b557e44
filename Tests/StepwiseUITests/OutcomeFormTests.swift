import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The outcome form records where the citizen stood 3 and 6 months after the end, and the
/// progress tab shows it.
final class OutcomeFormTests: XCTestCase {
    let env = Fixtures.env()

    func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: env) }
    }

    func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    func testTheResultAfterThreeMonthsIsSavedWithTheDayItWasRecorded() {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        state.open?.tab = .progress
        _ = press([.char("o")] + type("Lager") + [.tab, .right, .tab] + type("20") + [.tab, .tab, .right, .tab] + type("30") + [.tab], &state)
        XCTAssertEqual(press([.enter], &state), [], "a result without the day it was recorded is not saved")
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].name, OutcomeField.after3Recorded.rawValue)
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].error, env.strings("error.required"))
        _ = press(type("2026-11-20") + [.enter], &state)
        XCTAssertNil(state.form)
        // A job: follow-along support is offered at once (answered no here).
        XCTAssertEqual(state.confirm?.purpose, .startFollowAlong)
        _ = press([.char("n")], &state)
        let outcome = state.open?.participant.outcome
        XCTAssertEqual(outcome?.kind, .job)
        XCTAssertEqual(outcome?.hoursPerWeek, 20)
        XCTAssertEqual(outcome?.after3Months, Outcome.Later(kind: .job, hoursPerWeek: 30, recorded: Day(iso: "2026-11-20") ?? Fixtures.today))
        XCTAssertNil(outcome?.after6Months, "none chosen: not recorded")
        let text = Fixtures.screen(state).text + "\n" + ProgressView.lines(state.open?.participant ?? Fixtures.soren, env: env, width: 78)
            .map { $0.segments.map(\.text).joined() }.joined(separator: "\n")
        XCTAssertTrue(text.contains("After 3 months: Job, 30 hours a week (20 Nov 2026)"), text)
        XCTAssertTrue(text.contains("After 6 months: not recorded"), text)

        // Edited again: the form starts from what was recorded, and "none" takes it away.
        _ = press([.char("o")], &state)
        XCTAssertEqual(state.form?[OutcomeField.after3Hours], "30")
        _ = press([.tab, .tab, .tab, .tab, .left, .enter], &state)
        XCTAssertNil(state.open?.participant.outcome?.after3Months)
    }

    /// Hours a week belong to a job: typed beside another result they are said, not dropped
    /// nor kept where they mean nothing; the result 3 months on likewise.
    func testHoursBesideAResultOtherThanAJobAreSaid() {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        state.open?.tab = .progress
        _ = press([.char("o")] + type("VUC") + [.tab, .right, .right, .tab] + type("20"), &state)
        XCTAssertEqual(state.form?[OutcomeField.kind], "education")
        XCTAssertEqual(press([.enter], &state), [])
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].name, OutcomeField.hours.rawValue)
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].error, "Hours a week are kept for a job only: choose “Job”, or clear the hours.")
        _ = press([.ctrl("u"), .tab, .tab, .right, .right, .tab] + type("15"), &state)
        XCTAssertEqual(state.form?[OutcomeField.after3Kind], "education")
        XCTAssertEqual(press([.enter], &state), [])
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].name, OutcomeField.after3Hours.rawValue)
        _ = press([.ctrl("u"), .tab] + type("2026-11-20") + [.enter], &state)
        XCTAssertNil(state.form)
        XCTAssertEqual(state.open?.participant.outcome?.kind, .education)
        XCTAssertEqual(state.open?.participant.outcome?.after3Months?.kind, .education)
        XCTAssertNil(state.open?.participant.outcome?.after3Months?.hoursPerWeek)
        XCTAssertNil(state.open?.participant.outcome?.hoursPerWeek)
    }

    func testTheLaterResultsAreWrittenAsTheSchemaSays() throws {
        let outcome = Outcome(
            kind: .job, hoursPerWeek: 20, text: "", day: Day(iso: "2026-07-05") ?? Fixtures.today,
            after6Months: Outcome.Later(kind: .education, hoursPerWeek: nil, recorded: Day(iso: "2027-01-10") ?? Fixtures.today))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(outcome), as: UTF8.self)
        XCTAssertTrue(json.contains(#""after6Months":{"kind":"education","recorded":"2027-01-10"}"#), json)
        XCTAssertFalse(json.contains("after3Months"), "left out until recorded")
        XCTAssertEqual(try JSONDecoder().decode(Outcome.self, from: Data(#"{"kind":"job","text":"","day":"2026-07-05"}"#.utf8)).after3Months, nil)
    }
}
