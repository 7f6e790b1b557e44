import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

final class ScreenSnapshotTests: XCTestCase {
    func render(_ state: AppState, _ language: String = "en") -> String {
        Renderer.render(state, env: Fixtures.env(language)).text
    }

    func type(_ text: String, into state: inout AppState, _ language: String = "en") {
        for character in text { _ = Update.handle(.char(character), state: &state, env: Fixtures.env(language)) }
    }

    func press(_ key: Key, _ state: inout AppState, _ language: String = "en") -> [Effect] {
        Update.handle(key, state: &state, env: Fixtures.env(language))
    }

    func testCaseload() {
        expectScreenSnapshot(Fixtures.screen(Fixtures.state()), named: "caseload-80x24")
    }

    func testCaseloadInDanish() {
        expectScreenSnapshot(Fixtures.screen(Fixtures.state(), "da"), named: "caseload-da-80x24")
    }

    func testCaseloadWithAnUnreadableFile() {
        var state = Fixtures.state()
        state.caseload.append(
            .unreadable(id: "p-broken", problem: RecordProblem(file: "participants/p-broken.json", field: "name", reason: .expected("text", form: "problem.form.text"))))
        state.selection = state.caseload.count - 1
        expectScreenSnapshot(Fixtures.screen(state), named: "caseload-unreadable")
    }

    func testSearchAsYouType() {
        var state = Fixtures.state()
        _ = press(.char("/"), &state)
        type("jur", into: &state)
        expectScreenSnapshot(Fixtures.screen(state), named: "caseload-search")
    }

    func testParticipantTabs() {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        for tab in Tab.allCases {
            state.open?.tab = tab
            if tab == .summary, let open = state.open {
                let pages = SummaryTab.pages(open, state: state, env: Fixtures.env())
                state.open?.summaryPages = pages
            }
            expectScreenSnapshot(Fixtures.screen(state), named: "participant-\(tab)")
        }
    }

    func testPlanTabShowsTheCitizensWordsSuggestionsAndChanges() {
        var state = Fixtures.state()
        let (participant, history) = Fixtures.sorenWithPlan
        state.open = OpenParticipant(participant: participant, heldBy: nil)
        state.open?.history = history
        state.open?.planSelection = 8
        expectScreenSnapshot(Fixtures.screen(state), named: "plan-with-changes")
        expectScreenSnapshot(Fixtures.screen(state, "da"), named: "plan-with-changes-da")
    }

    func testPlanHistory() {
        var state = Fixtures.state()
        let (participant, history) = Fixtures.sorenWithPlan
        state.open = OpenParticipant(participant: participant, heldBy: nil)
        state.open?.history = history
        _ = press(.char("h"), &state)
        expectScreenSnapshot(Fixtures.screen(state), named: "plan-history")
        _ = press(.down, &state)
        _ = press(.enter, &state)
        let text = render(state)
        XCTAssertTrue(text.contains("Version 1,"), text)
        XCTAssertFalse(text.contains("Ringe til Coop"), "version 1 is shown as it stood")
    }

    func testReadOnlyParticipant() {
        var state = Fixtures.state()
        let holder = RecordLock.Holder(
            identity: Identity(coach: "Bo Ørsted", user: "bo", host: "desk-2", pid: 42),
            since: Fixtures.stamp.at)
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: holder)
        let text = render(state)
        XCTAssertTrue(text.contains("Read only: Bo Ørsted (user bo) has this record open since"), text)
    }

    func testAddParticipantFormWithErrors() {
        var state = Fixtures.state()
        _ = press(.char("a"), &state)
        expectScreenSnapshot(Fixtures.screen(state), named: "form-add-empty")
        _ = press(.tab, &state)
        type("31/2", into: &state)
        XCTAssertEqual(press(.enter, &state), [])
        expectScreenSnapshot(Fixtures.screen(state), named: "form-add-errors")
    }

    func testHelpListsTheActionsOfTheScreenBehind() {
        var state = Fixtures.state()
        _ = press(.char("?"), &state)
        expectScreenSnapshot(Fixtures.screen(state), named: "help-caseload")
    }

    func testTooSmall() {
        expectScreenSnapshot(Fixtures.screen(Fixtures.state(width: 40, height: 10)), named: "too-small-40x10")
        for (w, h) in [(0, 0), (1, 1), (10, 3), (79, 24), (80, 23)] {
            let text = render(Fixtures.state(width: w, height: h))
            XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, max(h, 1), "\(w)x\(h)")
        }
    }

    func testLargeTerminal() {
        var state = Fixtures.state(width: 300, height: 100)
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        let lines = Renderer.render(state, env: Fixtures.env()).lines()
        XCTAssertEqual(lines.count, 100)
        XCTAssertTrue(lines[0].hasSuffix("week 7/26"))
    }
}

/// The style layer of the snapshots sees what the text cannot.
final class StyleSnapshotTests: XCTestCase {
    /// The caseload with its selection's reverse video taken away reads the same as text, but
    /// its styles differ from the recorded ones on exactly the selected row.
    func testALostSelectionHighlightIsSeen() throws {
        var screen = Fixtures.screen(Fixtures.state())
        let stored = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Snapshots/caseload-80x24.styles.txt"), encoding: .utf8)
        XCTAssertEqual(screen.styleText + "\n", stored)
        let row = try XCTUnwrap(screen.lines().firstIndex { $0.hasPrefix("›") })
        let text = screen.text
        for x in 0..<screen.width where screen[x, row].style.reverse {
            var style = screen[x, row].style
            style.reverse = false
            screen.restyle(y: row, from: x, to: x + 1, style: style)
        }
        XCTAssertEqual(screen.text, text, "the text alone does not show it")
        let changed = zip(
            screen.styleText.split(separator: "\n", omittingEmptySubsequences: false),
            stored.split(separator: "\n", omittingEmptySubsequences: false)
        ).enumerated().filter { $0.element.0 != $0.element.1 }
        XCTAssertEqual(changed.map(\.offset), [row])
    }

}
