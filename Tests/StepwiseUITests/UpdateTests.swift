import XCTest
@testable import StepwiseCore
@testable import StepwiseUI

final class UpdateTests: XCTestCase {
    let env = Fixtures.env()

    func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: env) }
    }

    func testMovingStaysInsideTheList() {
        var state = Fixtures.state()
        _ = press([.up], &state)
        XCTAssertEqual(state.selection, 0)
        _ = press([.down, .char("j"), .down], &state)
        XCTAssertEqual(state.selection, 3)
        _ = press([.pageDown], &state)
        XCTAssertEqual(state.selection, Fixtures.people.count - 1)
        _ = press([.char("k")], &state)
        XCTAssertEqual(state.selection, Fixtures.people.count - 2)
    }

    func testSearchFoldsCaseAndAccentsAndOpensTheMatch() {
        var state = Fixtures.state()
        _ = press([.char("/"), .char("S"), .char("O"), .char("R")], &state)
        XCTAssertEqual(state.visibleRows.map(\.id), ["p-soren"])
        XCTAssertEqual(press([.enter], &state), [.openParticipant(id: "p-soren")])
        _ = press([.escape], &state)
        XCTAssertNil(state.search)
        XCTAssertEqual(state.visibleRows.count, Fixtures.people.count)
    }

    func testSearchTypesKeysThatAreActionsElsewhere() {
        var state = Fixtures.state()
        XCTAssertEqual(press([.char("/"), .char("q"), .char("a"), .char("?")], &state), [])
        XCTAssertEqual(state.search?.text, "qa?")
        XCTAssertFalse(state.quitting)
        XCTAssertNil(state.form)
        XCTAssertFalse(state.showingHelp)
    }

    func testTabsByNumberAndByTab() {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        _ = press([.char("4")], &state)
        XCTAssertEqual(state.open?.tab, .progress)
        _ = press([.tab, .tab], &state)
        XCTAssertEqual(state.open?.tab, .plan, "Tab wraps around")
        _ = press([.backTab], &state)
        XCTAssertEqual(state.open?.tab, .summary)
        XCTAssertEqual(press([.escape], &state), [.closeParticipant])
    }

    func testAddParticipantTurnsTypedWordsIntoTheEffect() {
        var state = Fixtures.state()
        _ = press([.char("a")], &state)
        _ = press("Zoë Ærø".map { Key.char($0) }, &state)
        _ = press([.tab, .ctrl("u")] + "+2w".map { Key.char($0) }, &state)
        _ = press([.tab] + "da".map { Key.char($0) }, &state)
        XCTAssertEqual(press([.enter], &state), [.addParticipant(name: "Zoë Ærø", courseStart: Fixtures.today.adding(days: 14), language: "da")])
        XCTAssertNil(state.form)
    }

    func testBadInputIsMarkedAndKept() {
        var state = Fixtures.state()
        _ = press([.char("a"), .char(" "), .tab, .ctrl("u")] + "someday".map { Key.char($0) } + [.tab] + "xx".map { Key.char($0) }, &state)
        XCTAssertEqual(press([.enter], &state), [])
        guard let form = state.form else { return XCTFail("the form stays open") }
        XCTAssertEqual(form.fields.map { $0.error != nil }, [true, true, true])
        XCTAssertEqual(form.focus, 0, "the first bad field gets the focus")
        XCTAssertEqual(form.fields[1].input.text, "someday", "what was typed is kept")
        _ = press([.char("B")], &state)
        XCTAssertNil(state.form?.fields[0].error, "typing in a field clears its message")
    }

    func testEscapeCancelsTheFormAndSaysSo() {
        var state = Fixtures.state()
        XCTAssertEqual(press([.char("a"), .char("X"), .escape], &state), [])
        XCTAssertNil(state.form)
        XCTAssertEqual(state.message?.text, "Cancelled; nothing was saved.")
    }

    func testQuitAndInterrupt() {
        var state = Fixtures.state()
        XCTAssertEqual(press([.char("q")], &state), [.quit])
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        XCTAssertEqual(press([.char("q")], &state), [], "q does not quit from a participant")
        XCTAssertEqual(press([.ctrl("c")], &state), [.quit])
    }

    func testHelpOpensAndCloses() {
        var state = Fixtures.state()
        _ = press([.char("?")], &state)
        XCTAssertEqual(state.context, .help)
        _ = press([.escape], &state)
        XCTAssertEqual(state.context, .caseload)
    }
}

final class ActionTableTests: XCTestCase {
    func testNoKeyMeansTwoThingsInOneContext() {
        let contexts: [KeyContext] = [.caseload, .searching, .participant, .form, .help]
        for context in contexts {
            var seen: [Key: ActionID] = [:]
            for spec in ActionTable.all where spec.contexts.contains(context) {
                for key in spec.keys {
                    if let other = seen[key], other != spec.id { XCTFail("\(key) is both \(other) and \(spec.id) in \(context)") }
                    seen[key] = spec.id
                }
            }
        }
    }

    func testEveryActionHasWordsInEveryLanguage() throws {
        for language in ["en", "da"] {
            let strings = Fixtures.env(language).strings
            for spec in ActionTable.all {
                XCTAssertTrue(strings.keys.contains(spec.labelKey), "\(language): \(spec.labelKey)")
                XCTAssertTrue(strings.keys.contains(spec.helpKey), "\(language): \(spec.helpKey)")
            }
        }
    }

    func testFooterShowsEveryFooterActionAt80Columns() {
        for language in ["en", "da"] {
            let env = Fixtures.env(language)
            for context in [KeyContext.caseload, .searching, .participant, .form, .help] {
                var buffer = ScreenBuffer(width: 80, height: 24)
                Chrome.footer(&buffer, context: context, env: env)
                let footer = buffer.lines()[23]
                for spec in ActionTable.footer(in: context) {
                    XCTAssertTrue(footer.contains(env.strings(spec.labelKey)), "\(language) \(context): \(footer)")
                }
            }
        }
    }
}
