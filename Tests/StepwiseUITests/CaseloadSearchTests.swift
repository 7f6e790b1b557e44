import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// Search as you type over names with æøå, ü, ß and mixed case: at every key, what the screen
/// lists is what a search of every row gives, and a backspace goes back to the matches kept
/// for the shorter text.
extension IncrementalSearchTests {
    var accentedNames: [String] {
        [
            "Søren Ærø", "SØREN ØSTERGAARD", "Sören Strauß", "Jürgen Weiß", "JURGEN WEISS", "Åsa Lindqvist", "Aase Lind",
            "Æble Møller", "Mette Brøndum", "Maria Straus", "Grace O'Neill", "Dorthe Ærenlund", "Øjvind Strauss",
        ]
    }

    /// A caseload of `accentedNames`.
    func accentedCaseload() -> AppState {
        var state = Fixtures.state()
        state.caseload = Caseload(
            accentedNames.enumerated().map { index, name in
                .participant(
                    CaseloadEntry(Participant(id: "p-\(index)", name: name, language: "da", courseStart: Fixtures.today, by: Fixtures.stamp)))
            })
        return state
    }

    func testEveryKeyListsWhatASearchOfEveryRowGives() {
        for keys in ["SØR", "sor", "strauß", "STRAUSS", "weiss", "WEIß", "jür", "JUR", "æ", "ae", "ÅS", "aas", "ø"] {
            var state = accentedCaseload()
            _ = Update.handle(.char("/"), state: &state, env: env)
            var typed = ""
            for character in keys {
                _ = Update.handle(.char(character), state: &state, env: env)
                typed.append(character)
                XCTAssertEqual(state.visibleRows.map(\.id), everyRow(state, typed), typed)
            }
            for _ in keys {
                _ = Update.handle(.backspace, state: &state, env: env)
                typed.removeLast()
                XCTAssertEqual(state.visibleRows.map(\.id), typed.isEmpty ? state.caseload.map(\.id) : everyRow(state, typed), "\(keys) ⌫ \(typed)")
            }
        }
        XCTAssertEqual(everyRow(accentedCaseload(), "strauss").count, 2, "ß is typed as ss and the other way round")
        XCTAssertEqual(everyRow(accentedCaseload(), "sor").count, 3, "ø and ö are typed as o")
    }

    func testABackspaceGoesBackToTheMatchesKeptForTheShorterText() {
        var state = accentedCaseload()
        _ = Update.handle(.char("/"), state: &state, env: env)
        _ = Update.handle(.char("s"), state: &state, env: env)
        _ = Update.handle(.char("t"), state: &state, env: env)
        _ = Update.handle(.char("r"), state: &state, env: env)
        guard state.widerMatches.map(\.query) == ["s", "st"] else { return XCTFail("kept: \(state.widerMatches.map(\.query))") }
        // The rows kept for "st" are what the backspace shows: a row left out of them stays out.
        state.widerMatches[1].rows = []
        _ = Update.handle(.backspace, state: &state, env: env)
        XCTAssertEqual(state.matches?.query, "st")
        XCTAssertEqual(state.visibleRows, [])
        _ = Update.handle(.backspace, state: &state, env: env)
        XCTAssertEqual(state.visibleRows.map(\.id), everyRow(state, "s"))
    }

    func testTheCountsAreKeptWithTheCaseload() {
        var state = accentedCaseload()
        XCTAssertEqual(state.readableCount, accentedNames.count)
        state.caseload.append(.unreadable(id: "p-bad", problem: RecordProblem(file: "participants/p-bad.json", reason: .untranslated("bad"))))
        XCTAssertEqual(state.readableCount, accentedNames.count)
        XCTAssertEqual(state.unreadableCount, 1)
    }
}
