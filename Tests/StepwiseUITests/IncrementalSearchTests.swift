import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// Search as you type narrows what the text before matched, and always shows what a search
/// of the whole caseload would.
final class IncrementalSearchTests: XCTestCase {
    let env = Fixtures.env()

    /// What searching every row for `text` gives, the slow way (String matching).
    func everyRow(_ state: AppState, _ text: String) -> [String] {
        let folded = SearchText.fold(text)
        return state.caseload.compactMap { row in
            guard case .participant(let entry) = row, SearchText.fold(entry.name).contains(folded) else { return nil }
            return entry.id
        }
    }

    func testEachLetterNarrowsThePreviousMatchesAndAgreesWithAFullSearch() {
        var state = Fixtures.state()
        _ = Update.handle(.char("/"), state: &state, env: env)
        var typed = ""
        for character in "søren" {
            _ = Update.handle(.char(character), state: &state, env: env)
            typed.append(character)
            XCTAssertEqual(state.matches?.query, SearchText.fold(typed), "the matches are kept for the next letter")
            XCTAssertEqual(state.visibleRows.map(\.id), everyRow(state, typed), typed)
        }
        // Backspace widens again: the whole caseload is searched, not the narrower matches.
        _ = Update.handle(.backspace, state: &state, env: env)
        _ = Update.handle(.backspace, state: &state, env: env)
        _ = Update.handle(.backspace, state: &state, env: env)
        _ = Update.handle(.backspace, state: &state, env: env)
        XCTAssertEqual(state.visibleRows.map(\.id), everyRow(state, "s"))
        XCTAssertGreaterThan(state.visibleRows.count, 1)
    }

    func testAFurtherLetterSearchesOnlyThePreviousMatches() {
        var state = Fixtures.state()
        _ = Update.handle(.char("/"), state: &state, env: env)
        _ = Update.handle(.char("s"), state: &state, env: env)
        // Rows kept for "s" are what the next letter searches: a row left out of them stays out.
        state.matches?.rows = []
        _ = Update.handle(.char("o"), state: &state, env: env)
        XCTAssertEqual(state.visibleRows, [])
    }

    func testAnotherCaseloadDropsTheKeptMatches() {
        var state = Fixtures.state()
        _ = Update.handle(.char("/"), state: &state, env: env)
        _ = Update.handle(.char("s"), state: &state, env: env)
        XCTAssertNotNil(state.matches)
        state.caseload = Caseload(state.caseload.prefix(1))
        XCTAssertNil(state.matches)
        XCTAssertEqual(state.visibleRows.map(\.id), everyRow(state, "s"))
    }
}
