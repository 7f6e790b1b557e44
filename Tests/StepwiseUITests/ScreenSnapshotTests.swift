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
        expectSnapshot(render(Fixtures.state()), named: "caseload-80x24")
    }

    func testCaseloadInDanish() {
        expectSnapshot(render(Fixtures.state(), "da"), named: "caseload-da-80x24")
    }

    func testCaseloadWithAnUnreadableFile() {
        var state = Fixtures.state()
        state.caseload.append(.unreadable(id: "p-broken", problem: RecordProblem(file: "participants/p-broken.json", field: "name", reason: "expected text")))
        state.selection = state.caseload.count - 1
        expectSnapshot(render(state), named: "caseload-unreadable")
    }

    func testSearchAsYouType() {
        var state = Fixtures.state()
        _ = press(.char("/"), &state)
        type("jur", into: &state)
        expectSnapshot(render(state), named: "caseload-search")
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
            expectSnapshot(render(state), named: "participant-\(tab)")
        }
    }

    func testPlanTabShowsTheCitizensWordsSuggestionsAndChanges() {
        var state = Fixtures.state()
        let (participant, history) = Fixtures.sorenWithPlan
        state.open = OpenParticipant(participant: participant, heldBy: nil)
        state.open?.history = history
        state.open?.planSelection = 8
        expectSnapshot(render(state), named: "plan-with-changes")
        expectSnapshot(render(state, "da"), named: "plan-with-changes-da")
    }

    func testPlanHistory() {
        var state = Fixtures.state()
        let (participant, history) = Fixtures.sorenWithPlan
        state.open = OpenParticipant(participant: participant, heldBy: nil)
        state.open?.history = history
        _ = press(.char("h"), &state)
        expectSnapshot(render(state), named: "plan-history")
        _ = press(.down, &state)
        _ = press(.enter, &state)
        let text = render(state)
        XCTAssertTrue(text.contains("Version 1,"), text)
        XCTAssertFalse(text.contains("Ringe til Coop"), "version 1 is shown as it stood")
    }

    func testReadOnlyParticipant() {
        var state = Fixtures.state()
        let holder = RecordLock.Holder(identity: Identity(coach: "Bo Ørsted", user: "bo", host: "desk-2", pid: 42),
                                       since: Fixtures.stamp.at)
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: holder)
        let text = render(state)
        XCTAssertTrue(text.contains("Read only: Bo Ørsted (user bo) has this record open since"), text)
    }

    func testAddParticipantFormWithErrors() {
        var state = Fixtures.state()
        _ = press(.char("a"), &state)
        expectSnapshot(render(state), named: "form-add-empty")
        _ = press(.tab, &state)
        type("31/2", into: &state)
        XCTAssertEqual(press(.enter, &state), [])
        expectSnapshot(render(state), named: "form-add-errors")
    }

    func testHelpListsTheActionsOfTheScreenBehind() {
        var state = Fixtures.state()
        _ = press(.char("?"), &state)
        expectSnapshot(render(state), named: "help-caseload")
    }

    func testTooSmall() {
        expectSnapshot(render(Fixtures.state(width: 40, height: 10)), named: "too-small-40x10")
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
