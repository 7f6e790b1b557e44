import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The help screen, Home and End, and keys that must not act unseen.
final class KeysTests: XCTestCase {
    func press(_ keys: [Key], _ state: inout AppState, _ env: UIEnvironment = Fixtures.env()) -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: env) }
    }

    /// The words of the help box (the column right of the keys), line by line, as drawn.
    func helpText(_ state: AppState, _ env: UIEnvironment) -> [String] {
        Renderer.render(state, env: env).lines().dropFirst(3).dropLast(3).map { line in
            line.trimmingCharacters(in: CharacterSet(charactersIn: " │"))
        }
    }

    func squeezed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Every context, every language, 80×24: paging through the help shows every action's words
    /// in full (wrapped, not cut), and End reaches the last line.
    func testHelpScrollsAndWrapsEveryDescriptionInFull() {
        for language in ActionTableTests.languages {
            let env = Fixtures.env(language)
            for context in KeyContext.allCases where context != .privacy && context != .help {
                var state = ActionTableTests.state(in: context)
                state.showingHelp = true
                var seen: [String] = []
                for _ in 0..<10 {
                    seen += helpText(state, env)
                    _ = press([.pageDown], &state, env)
                }
                let all = squeezed(seen.joined(separator: " "))
                for spec in ActionTable.help(in: context) {
                    XCTAssertTrue(all.contains(squeezed(env.strings(spec.helpKey))), "\(language) \(context): \(env.strings(spec.helpKey))")
                }
                _ = press([.home], &state, env)
                XCTAssertEqual(state.helpScroll, 0)
                _ = press([.end], &state, env)
                let last = env.strings(ActionTable.help(in: context).last?.helpKey ?? "")
                XCTAssertTrue(squeezed(helpText(state, env).joined(separator: " ")).contains(squeezed(last)), "\(language) \(context)")
            }
        }
    }

    func testHelpUsesTheWidthOfTheWindow() {
        var state = ActionTableTests.state(in: .plan, width: 132, height: 30)
        state.showingHelp = true
        let lines = Renderer.render(state, env: Fixtures.env()).lines()
        XCTAssertTrue(lines.contains { $0.hasPrefix(" ┌") && $0.hasSuffix("┐") && $0.count == 131 }, lines.joined(separator: "\n"))
    }

    /// Each help line says what the key does on that screen.
    func testHelpDescribesTheKeysOfThatScreen() {
        let env = Fixtures.env()
        var offers = ActionTableTests.state(in: .offers)
        offers.showingHelp = true
        let offersHelp = helpText(offers, env).joined(separator: "\n")
        XCTAssertTrue(offersHelp.contains("Show the selected offer's details"), offersHelp)
        XCTAssertFalse(offersHelp.contains("Open the selected participant"), offersHelp)
        XCTAssertFalse(offersHelp.contains("Show all notes"), offersHelp)
        var detail = ActionTableTests.state(in: .offerDetail)
        detail.showingHelp = true
        let detailHelp = helpText(detail, env).joined(separator: "\n")
        XCTAssertTrue(detailHelp.contains("Back to the offers"), detailHelp)
        XCTAssertFalse(detailHelp.contains("Back to the caseload"), detailHelp)
    }

    func testHomeAndEndInLists() throws {
        var state = Fixtures.state()
        _ = press([.end], &state)
        XCTAssertEqual(state.selection, Fixtures.people.count - 1)
        _ = press([.home], &state)
        XCTAssertEqual(state.selection, 0)
        state.open = OpenParticipant(participant: Fixtures.sorenWithPlan.participant, heldBy: nil)
        _ = press([.end], &state)
        let rows = PlanUpdate.rows(try XCTUnwrap(state.open), state: state, env: Fixtures.env())
        XCTAssertEqual(state.open?.planSelection, rows.count - 1)
        _ = press([.home], &state)
        XCTAssertEqual(state.open?.planSelection, 0)
        _ = press([.char("2"), .end], &state)
        XCTAssertEqual(state.open?.offerSelection, Fixtures.offers.count - 1)
    }

    /// While "the terminal is too small" is shown, a key only quits or redraws.
    func testTooSmallTakesOnlyQuitAndRedraw() {
        var state = Fixtures.state(width: 60, height: 20)
        XCTAssertEqual(press([.char("a"), .char("/"), .char("?"), .char("o"), .enter, .ctrl("l")], &state), [])
        XCTAssertNil(state.form)
        XCTAssertNil(state.search)
        XCTAssertNil(state.catalogue)
        XCTAssertFalse(state.showingHelp)
        XCTAssertEqual(press([.ctrl("c")], &state), [.quit])
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        XCTAssertEqual(press([.char("s"), .escape], &state), [])
        XCTAssertNil(state.form)
        XCTAssertNotNil(state.open)
    }

    /// Leaving a participant found by a search lists everyone again; the next `q` quits.
    func testLeavingAParticipantClearsTheSearch() {
        var state = Fixtures.state()
        _ = press([.char("/"), .char("s"), .char("o")], &state)
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        XCTAssertEqual(press([.escape], &state), [.closeParticipant])
        state.open = nil
        XCTAssertNil(state.search)
        XCTAssertEqual(state.context, .caseload)
        XCTAssertEqual(press([.char("q")], &state), [.quit])
    }

    /// `t` on a done step asks before it goes back to planned.
    func testAdvancingADoneStepAsksFirst() throws {
        let env = Fixtures.env()
        var state = Fixtures.state()
        let plan = Fixtures.sorenWithPlan
        state.open = OpenParticipant(participant: plan.participant, heldBy: nil)
        state.open?.history = plan.history
        let goal = plan.participant.plan.goals[0]
        let done = try XCTUnwrap(goal.steps.first { $0.status == .done })
        let rows = PlanUpdate.rows(try XCTUnwrap(state.open), state: state, env: env)
        state.open?.planSelection = try XCTUnwrap(rows.firstIndex(of: .step(goal: goal.id, step: done.id)))
        XCTAssertEqual(press([.char("t")], &state), [])
        XCTAssertEqual(state.open?.participant.plan.goals[0].steps.first { $0.id == done.id }?.status, .done, "nothing changes unasked")
        XCTAssertEqual(state.confirm?.purpose, .reopenStep(goal: goal.id, step: done.id))
        XCTAssertTrue(state.confirm?.question.contains(done.text.text) ?? false)
        _ = press([.char("n")], &state)
        XCTAssertEqual(state.open?.participant.plan.goals[0].steps.first { $0.id == done.id }?.status, .done)
        _ = press([.char("t"), .char("y")], &state)
        XCTAssertEqual(state.open?.participant.plan.goals[0].steps.first { $0.id == done.id }?.status, .planned)
    }
}
